import type { FlowItem } from '../flow/flowItem.ts';
import { headHeight } from '../table/paintTableSegment/paintTableSegment.ts';
import { EPSILON } from './breakRules.ts';
import type { PageLayout, PagePiece, Pagination } from './pagination.ts';

/** What makes a page break bad, counted over a whole pagination. */
export interface PaginationScore {
  /** Pages ending in a heading, title or caption (kept-with-next lines), or holding only a signature or date line. Must be 0. */
  readonly forbidden: number;
  /** Continued table pieces (续表) with fewer than `minContinuedRows` body rows. */
  readonly shortContinuations: number;
  /** Pages less than half full, not counting the last page and pages before an attachment's new page. */
  readonly emptyPages: number;
  /** Pages. */
  readonly pages: number;
  /** Which page (1-based) has which problem, for reports and tests. */
  readonly problems: readonly string[];
}

/** How the score judges pages. */
export interface ScoreSettings {
  /** A continued table piece with fewer body rows than this is short (the preset's `minRowsBeforeBreak`). */
  readonly minContinuedRows: number;
  /** A page filled less than this share of its height is empty (0.5). */
  readonly minFill?: number;
}

/**
 * Scores a pagination by what a reader sees: forbidden breaks, short 续表 pieces, pages left
 * mostly empty, and the page count. Pure; used by the tests and by the corpus script
 * (`scripts/pagination-corpus.mjs`).
 *
 * @param pagination The flow items and pages.
 * @param settings The thresholds.
 * @returns The counts and the problems found.
 */
export function scorePagination(pagination: Pagination, settings: ScoreSettings): PaginationScore {
  const { items, pages } = pagination;
  const minFill = settings.minFill ?? 0.5;
  const problems: string[] = [];
  let forbidden = 0;
  let shortContinuations = 0;
  let emptyPages = 0;
  pages.forEach((page, index) => {
    const number = index + 1;
    const last = page.pieces.at(-1);
    if (last !== undefined && endsWithKeptLine(last, page, items)) {
      forbidden += 1;
      problems.push(`page ${number}: ends with a heading or caption`);
    }
    if (page.pieces.length > 0 && page.pieces.every((piece) => isSignatureOrDateLine(piece, items))) {
      forbidden += 1;
      problems.push(`page ${number}: signature alone`);
    }
    for (const piece of page.pieces) {
      if (piece.kind === 'tableRows' && piece.segment.from > 0 && piece.segment.to - piece.segment.from + 1 < settings.minContinuedRows) {
        shortContinuations += 1;
        problems.push(`page ${number}: 续表 piece of ${piece.segment.to - piece.segment.from + 1} row(s)`);
      }
    }
    const next = pages[index + 1];
    if (next !== undefined && !startsAttachment(page, next, items) && filled(page, items) < minFill * page.frame.textHeight - EPSILON) {
      emptyPages += 1;
      problems.push(`page ${number}: ${Math.round((100 * filled(page, items)) / page.frame.textHeight)}% full`);
    }
  });
  return { forbidden, shortContinuations, emptyPages, pages: pages.length, problems };
}

/** A heading, title, attachment label or caption as the last thing on a page. */
function endsWithKeptLine(piece: PagePiece, page: PageLayout, items: readonly FlowItem[]): boolean {
  if (piece.kind !== 'line') return false;
  const item = items[piece.item];
  if (item?.kind === 'lines') return item.keepWithNext;
  // A table's caption without any of its rows on the page.
  return item?.kind === 'table' && item.caption.includes(piece.line) && !page.pieces.some((p) => p.kind === 'tableRows' && p.item === piece.item);
}

function isSignatureOrDateLine(piece: PagePiece, items: readonly FlowItem[]): boolean {
  const item = items[piece.item];
  return piece.kind === 'line' && item?.kind === 'lines' && (item.keepTogether === true || item.note === 'date line');
}

/** Whether an attachment's new page (a page start in the flow) lies between two pages. */
function startsAttachment(page: PageLayout, next: PageLayout, items: readonly FlowItem[]): boolean {
  const from = Math.max(-1, ...page.pieces.map((p) => p.item));
  const to = Math.min(items.length, ...next.pieces.map((p) => p.item));
  for (let i = from + 1; i <= to; i++) if (items[i]?.kind === 'newPage') return true;
  return false;
}

/**
 * The height used on a page: the bottom of its lowest piece.
 *
 * @param page The page.
 * @param items The flow items its pieces refer to.
 * @returns The height in pt.
 */
export function filled(page: PageLayout, items: readonly FlowItem[]): number {
  return Math.max(0, ...page.pieces.map((piece) => {
    if (piece.kind === 'line') return piece.y + piece.line.height;
    const item = items[piece.item];
    if (piece.kind === 'image') return piece.y + (item?.kind === 'image' ? item.height : 0);
    if (item?.kind !== 'table') return piece.y;
    const band = item.table.bands[piece.segment.band]!;
    const rows = band.bodyHeights.slice(piece.segment.from, piece.segment.to + 1).reduce((a, b) => a + b, 0);
    return piece.y + (piece.segment.withHead ? headHeight(band) : 0) + rows;
  }));
}
