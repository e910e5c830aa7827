import type { LayoutPreset } from '../../schema/layoutPreset/layoutPreset.ts';
import type { FlowLine } from '../flow/flowItem.ts';
import { pageFrame, type PageFrame } from '../frame/pageFrame.ts';
import type { OutlineMark } from '../plan/plan.ts';
import { EPSILON, type PageRoom } from './breakRules.ts';
import type { PageLayout, PagePiece } from './pagination.ts';

/** A page being filled. */
interface OpenPage {
  readonly frame: PageFrame;
  readonly pieces: PagePiece[];
  readonly notes: string[];
  /** Height it may hold: the text block, or more on a page whose lines are set closer ({@link PageCursor.condense}). */
  capacity: number;
}

/**
 * Where the paginator is: the pages so far and the height used on the last one. Owned by one
 * `paginate` call; it only records decisions, it never decides a break.
 */
export interface PageCursor {
  /** The pages so far; the last is being filled. */
  readonly pages: readonly PageLayout[];
  /** The page being filled. */
  readonly frame: PageFrame;
  /** Height used on it, pt from the top of the text block. */
  readonly y: number;
  /** The room on the page. */
  room(): PageRoom;
  /** Starts a new page (by default in the same orientation). */
  newPage(landscape?: boolean): void;
  /** Replaces the still empty first page by one of the given orientation. */
  reopenPage(landscape: boolean): void;
  /** Moves down by a height. */
  advance(height: number): void;
  /** Blank space: moves down by a height, but not at the top of a page nor past its bottom. */
  addSpace(height: number): void;
  /** Puts a line of flow item `item` at the current height and moves under it. */
  placeLine(line: FlowLine, item: number, outline?: OutlineMark): void;
  /** Records a piece (its `y` is given by the caller). */
  place(piece: PagePiece): void;
  /** Adds a note to the page. */
  note(text: string): void;
  /** On a gridded page, moves down to the next grid line (at most to the bottom of the text block: it opens no page). */
  snapToGrid(): void;
  /**
   * Lets the page hold `height` more (whole body lines beyond the grid); when the pages are
   * finished its pieces move up in proportion, so its lines are set closer and end within the
   * text block. Only for a page of text lines: a table's rows or an image keep their height.
   */
  condense(height: number): void;
  /** The pages, with condensed pages' pieces moved up in proportion. */
  finish(): PageLayout[];
}

/**
 * Opens the first page of a document.
 *
 * @param preset The layout preset (page geometry).
 * @returns The cursor.
 */
export function openPages(preset: LayoutPreset): PageCursor {
  const pages: OpenPage[] = [];
  const open = (landscape: boolean): OpenPage => {
    const frame = pageFrame(preset, landscape);
    return { frame, pieces: [], notes: [], capacity: frame.textHeight };
  };
  let page: OpenPage = open(false);
  pages.push(page);
  let y = 0;
  const cursor: PageCursor = {
    pages,
    get frame() {
      return page.frame;
    },
    get y() {
      return y;
    },
    room: () => ({ used: y, left: page.capacity - y }),
    newPage(landscape = page.frame.landscape) {
      page = open(landscape);
      pages.push(page);
      y = 0;
    },
    reopenPage(landscape) {
      page = pages[pages.length - 1] = open(landscape);
    },
    advance(height) {
      y += height;
    },
    addSpace(height) {
      if (y > 0) y = Math.min(y + height, page.capacity);
    },
    placeLine(line, item, outline) {
      page.pieces.push(outline === undefined ? { kind: 'line', item, line, y } : { kind: 'line', item, line, y, outline });
      y += line.height;
    },
    place(piece) {
      page.pieces.push(piece);
    },
    note(text) {
      page.notes.push(text);
    },
    snapToGrid() {
      if (!page.frame.gridded) return;
      const pitch = page.frame.bodyPitch;
      // At the bottom the page stays open, full: the next placement breaks (there may be none,
      // or a page start of its own, and a page opened here would stay empty).
      y = Math.min(Math.ceil(y / pitch - EPSILON) * pitch, page.capacity);
    },
    condense(height) {
      page.capacity += height;
    },
    finish: () =>
      pages.map(({ frame, pieces, notes, capacity }) => {
        if (capacity <= frame.textHeight + EPSILON) return { frame, pieces, notes };
        // Evenly closer, so that the last line box ends at the bottom of the text block.
        const scale = (frame.textHeight - frame.bodyPitch) / (capacity - frame.bodyPitch);
        const lines = Math.round(capacity / frame.bodyPitch);
        return { frame, pieces: pieces.map((piece) => ({ ...piece, y: piece.y * scale })), notes: [...notes, `${lines} lines set closer`], lineScale: scale };
      }),
  };
  return cursor;
}
