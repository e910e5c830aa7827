import type { LayoutPreset } from '../../schema/layoutPreset/layoutPreset.ts';
import type { FlowItem } from '../flow/flowItem.ts';
import { headHeight, type TableSegment } from '../table/paintTableSegment/paintTableSegment.ts';
import { tightenTable } from '../table/tightenTable/tightenTable.ts';
import { breaksBeforeLine, EPSILON, heightOf, minimumFollowing, tableOpening } from './breakRules.ts';
import { openPages, type PageCursor } from './pageCursor.ts';
import type { Pagination } from './pagination.ts';

/** What the paginator needs: only the page geometry (every height is measured already). */
export interface PaginateContext {
  /** The layout preset. */
  readonly preset: LayoutPreset;
}

type ItemOf<K extends FlowItem['kind']> = Extract<FlowItem, { readonly kind: K }>;

/**
 * Breaks chosen ahead of first fit (by {@link paginateByCost}), keyed by flow item index: a page
 * break before line `k` of a lines item, or before body row `row` of a table's band `band`.
 */
export interface BreakAdjustments {
  /** Item index → the line that starts a new page. */
  readonly breakBeforeLine?: Readonly<Record<number, number>>;
  /** Item index → the table row that starts a new page (under 续表). */
  readonly breakBeforeRow?: Readonly<Record<number, { readonly band: number; readonly row: number }>>;
  /** Item indexes of tables that may split although the preset keeps short tables whole. */
  readonly splitTables?: readonly number[];
  /** Item index → padding (pt) taken from each side of every row of that table ({@link tightenTable}). */
  readonly tightenTables?: Readonly<Record<number, number>>;
  /** Item index → whole body lines taken out of its blank space: a space item, or the leading blank lines (seal room) of the signature. */
  readonly shrinkSpace?: Readonly<Record<number, number>>;
  /** Item index (an unsplittable lines item: the signature) → body lines beyond the grid the page it is placed on may hold ({@link PageCursor.condense}). */
  readonly extraLines?: Readonly<Record<number, number>>;
}

/**
 * Breaks the flow items into pages, first fit, and decides every break, painting nothing: a
 * heading or caption never ends a page (it moves with at least two lines of what follows, or a
 * table's opening); a paragraph leaves no orphan or widow where it can avoid it
 * ({@link breaksBeforeLine}); a table breaks between rows and continues on the next page under
 * the 续表 line with its band's head again and at least one row; an attachment starts a new page;
 * after a table, image or title, text returns to the line grid.
 *
 * @param items Flow items in print order.
 * @param context The preset.
 * @param adjustments Breaks chosen ahead (none: first fit).
 * @returns The items and the pages: which lines, images and table rows go where.
 */
export function paginate(flow: readonly FlowItem[], context: PaginateContext, adjustments: BreakAdjustments = {}): Pagination {
  const items = applyTightening(flow, adjustments.tightenTables);
  const cursor = openPages(context.preset);
  let started = false;
  items.forEach((item, index) => {
    switch (item.kind) {
      case 'newPage':
        if (started) cursor.newPage(item.landscape);
        else cursor.reopenPage(item.landscape);
        break;
      case 'space':
        cursor.addSpace(Math.max(0, item.height - (adjustments.shrinkSpace?.[index] ?? 0) * cursor.frame.bodyPitch));
        cursor.snapToGrid();
        break;
      case 'lines':
        placeLines(
          cursor,
          withoutBlankLines(item, adjustments.shrinkSpace?.[index] ?? 0),
          index,
          item.keepWithNext ? minimumFollowing(items, index + 1, cursor.frame.textHeight) : 0,
          adjustments.breakBeforeLine?.[index],
          (adjustments.extraLines?.[index] ?? 0) * cursor.frame.bodyPitch,
        );
        break;
      case 'image':
        placeImage(cursor, item, index);
        break;
      case 'table':
        placeTable(cursor, adjustments.splitTables?.includes(index) === true ? { ...item, keepTogether: false } : item, index, adjustments.breakBeforeRow?.[index]);
        cursor.snapToGrid();
        break;
    }
    if (item.kind !== 'newPage' && item.kind !== 'space') started = true;
  });
  return { items, pages: cursor.finish() };
}

/** A lines item without its first `count` blank lines (the seal room before a signature). */
function withoutBlankLines(item: ItemOf<'lines'>, count: number): ItemOf<'lines'> {
  let drop = 0;
  while (drop < count && item.lines[drop]?.texts.length === 0) drop += 1;
  return drop === 0 ? item : { ...item, lines: item.lines.slice(drop) };
}

/**
 * The blank body lines an item may lose to avoid a forbidden break, under the preset's
 * `pagination.minSpaceScale`: whole lines, so the text after it stays on the grid.
 *
 * @param item A flow item.
 * @param pitch The body line pitch.
 * @param minSpaceScale The share of its blank lines the item keeps at least.
 * @returns The number of lines (0 for an item without blank space).
 */
export function shrinkableLines(item: FlowItem, pitch: number, minSpaceScale: number): number {
  const blank = item.kind === 'space' ? Math.round(item.height / pitch) : item.kind === 'lines' ? leadingBlankLines(item) : 0;
  return Math.floor(blank * (1 - minSpaceScale) + EPSILON);
}

function leadingBlankLines(item: ItemOf<'lines'>): number {
  let count = 0;
  while (item.lines[count]?.texts.length === 0) count += 1;
  return count;
}

/** The items with the chosen tables tightened (the same array when none is). */
function applyTightening(items: readonly FlowItem[], tighten: Readonly<Record<number, number>> | undefined): readonly FlowItem[] {
  if (tighten === undefined || Object.keys(tighten).length === 0) return items;
  return items.map((item, index) => (item.kind === 'table' && tighten[index] !== undefined ? { ...item, table: tightenTable(item.table, tighten[index]) } : item));
}

/**
 * Places a lines item: an unsplittable one moves whole to the next page when it and what must
 * follow it do not fit (unless they could never fit on one page, or `extra` lines set closer on
 * this page of text lines give the room), then each line goes where {@link breaksBeforeLine} says.
 */
function placeLines(cursor: PageCursor, item: ItemOf<'lines'>, index: number, following: number, breakBefore: number | undefined, extra: number): void {
  const whole = heightOf(item.lines);
  const { used, left } = cursor.room();
  const overflows = !item.splittable && used > 0 && whole + following > left + EPSILON;
  // Lines set closer on a page of text lines give it the room (GB/T 9704 7.3.5: 调整行距).
  if (overflows && extra > 0 && whole + following <= left + extra + EPSILON && cursor.pages.at(-1)!.pieces.every((piece) => piece.kind === 'line')) cursor.condense(extra);
  else if (overflows && whole + following <= cursor.frame.textHeight) cursor.newPage();
  cursor.note(item.note);
  item.lines.forEach((line, k) => {
    if (breaksBeforeLine(item.lines, k, item.splittable, cursor.room()) || (k === breakBefore && cursor.y > 0)) {
      cursor.newPage();
      if (!item.splittable || k > 0) cursor.note(`${item.note} (continued)`);
    }
    cursor.placeLine(line, index, k === 0 ? item.outline : undefined);
  });
  // Titles and captions have their own pitch; the body after them returns to the grid.
  if (item.lines.some((line) => Math.abs(line.height - cursor.frame.bodyPitch) > EPSILON)) cursor.snapToGrid();
}

/** Places an image with its caption under it, on the next page if they do not fit here. */
function placeImage(cursor: PageCursor, item: ItemOf<'image'>, index: number): void {
  const { used, left } = cursor.room();
  if (used > 0 && item.height + heightOf(item.caption) > left + EPSILON) cursor.newPage();
  cursor.place({ kind: 'image', item: index, y: cursor.y });
  cursor.note(item.note);
  cursor.advance(item.height);
  item.caption.forEach((line) => cursor.placeLine(line, index));
  cursor.snapToGrid();
}

/**
 * Places a table: on the next page if its opening ({@link tableOpening}) does not fit; caption
 * first; each band's head, then rows while they fit; where a row does not fit (and at least one
 * row is on the page), the rows so far become one piece and the rest continues on a new page under
 * the 续表 line with the band's head again; then the notes.
 */
function placeTable(cursor: PageCursor, item: ItemOf<'table'>, index: number, breakBefore: { readonly band: number; readonly row: number } | undefined): void {
  const { table } = item;
  if (cursor.y > 0 && tableOpening(item, cursor.frame.textHeight) > cursor.room().left + EPSILON) cursor.newPage();
  item.caption.forEach((line) => cursor.placeLine(line, index));
  let rowsOnPage = 0;
  const continueOnNewPage = () => {
    cursor.newPage();
    cursor.placeLine(item.continuedLine, index);
    rowsOnPage = 0;
  };
  table.bands.forEach((band, bandIndex) => {
    const head = headHeight(band);
    if (cursor.y > 0 && head + (band.bodyHeights[0] ?? 0) > cursor.room().left + EPSILON) continueOnNewPage();
    let segment: TableSegment = { band: bandIndex, withHead: true, from: 0, to: -1 };
    let top = cursor.y;
    const closeSegment = () => {
      cursor.place({ kind: 'tableRows', item: index, segment, y: top });
      cursor.note(`${item.note} band ${bandIndex} rows ${segment.from}–${segment.to}`);
    };
    cursor.advance(head);
    band.bodyHeights.forEach((height, row) => {
      const chosen = breakBefore !== undefined && breakBefore.band === bandIndex && breakBefore.row === row;
      if ((height > cursor.room().left + EPSILON || chosen) && rowsOnPage > 0) {
        closeSegment();
        continueOnNewPage();
        segment = { band: bandIndex, withHead: true, from: row, to: row - 1 };
        top = cursor.y;
        cursor.advance(head);
      }
      segment = { ...segment, to: row };
      cursor.advance(height);
      rowsOnPage += 1;
    });
    closeSegment();
  });
  item.notes.forEach((line) => {
    if (line.height > cursor.room().left + EPSILON) cursor.newPage();
    cursor.placeLine(line, index);
  });
}
