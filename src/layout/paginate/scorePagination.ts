import type { FlowItem } from '../flow/flowItem.ts';
import { headHeight } from '../table/paintTableSegment/paintTableSegment.ts';
import { maxTightening, tightenTable } from '../table/tightenTable/tightenTable.ts';
import { EPSILON } from './breakRules.ts';
import type { PageLayout, PagePiece, Pagination } from './pagination.ts';

/** What makes a page break bad, counted over a whole pagination. */
export interface PaginationScore {
  /** Pages ending in a heading, title or caption (kept-with-next lines), or holding only a signature or date line. Must be 0. */
  readonly forbidden: number;
  /** Continued table pieces (续表) with fewer than `minContinuedRows` body rows. */
  readonly shortContinuations: number;
  /** Tables the preset keeps whole (`keepTogether`) that are split although, tightened to `minRowScale`, they fit on one page. */
  readonly avoidableSplits: number;
  /** Pages less than half full, not counting the last page and pages before an attachment's new page. */
  readonly emptyPages: number;
  /** Pages. */
  readonly pages: number;
  /** Which page (1-based) has which problem, for reports and tests. */
  readonly problems: readonly string[];
  /** The pages (0-based, ascending) with a problem, where a better break may be looked for. */
  readonly problemPages: readonly number[];
}

/** How the score judges pages. */
export interface ScoreSettings {
  /** A continued table piece with fewer body rows than this is short (the preset's `minRowsBeforeBreak`). */
  readonly minContinuedRows: number;
  /** A page filled less than this share of its height is empty (0.5). */
  readonly minFill?: number;
  /** Rows may be tightened to this share of their height (the preset's `table.minRowScale`; default 1). */
  readonly minRowScale?: number;
}

/**
 * Scores a pagination by what a reader sees: forbidden breaks, short 续表 pieces, tables split
 * that could be kept whole, pages left mostly empty, and the page count. Pure; used by the tests and by the corpus script
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
  const problemPages = new Set<number>();
  const flag = (page: number, text: string) => {
    problems.push(`page ${page + 1}: ${text}`);
    problemPages.add(page);
  };
  let forbidden = 0;
  let shortContinuations = 0;
  let emptyPages = 0;
  const tableItems = new Map<number, Set<number>>();
  pages.forEach((page, index) => {
    for (const piece of page.pieces) if (piece.kind === 'tableRows') (tableItems.get(piece.item) ?? tableItems.set(piece.item, new Set()).get(piece.item)!).add(index);
    const last = page.pieces.at(-1);
    if (last !== undefined && endsWithKeptLine(last, page, items)) {
      forbidden += 1;
      flag(index, 'ends with a heading or caption');
    }
    if (page.pieces.length > 0 && page.pieces.every((piece) => isSignatureOrDateLine(piece, items))) {
      forbidden += 1;
      flag(index, 'signature alone');
    }
    for (const piece of page.pieces) {
      if (piece.kind === 'tableRows' && piece.segment.from > 0 && piece.segment.to - piece.segment.from + 1 < settings.minContinuedRows) {
        shortContinuations += 1;
        flag(index, `续表 piece of ${piece.segment.to - piece.segment.from + 1} row(s)`);
      }
    }
    const next = pages[index + 1];
    if (next !== undefined && !startsAttachment(page, next, items) && filled(page, items) < minFill * page.frame.textHeight - EPSILON) {
      emptyPages += 1;
      flag(index, `${Math.round((100 * filled(page, items)) / page.frame.textHeight)}% full`);
    }
  });
  let avoidableSplits = 0;
  for (const [index, onPages] of tableItems) {
    const item = items[index];
    if (onPages.size < 2 || item?.kind !== 'table' || !item.keepTogether) continue;
    const height = pages[Math.min(...onPages)]!.frame.textHeight;
    const tight = tightenTable(item.table, maxTightening(item.table, settings.minRowScale ?? 1));
    if (tableHeight({ ...item, table: tight }) <= height + EPSILON) {
      avoidableSplits += 1;
      flag(Math.max(...onPages), 'table split that fits one page tightened');
    }
  }
  problems.sort((a, b) => Number(a.split(':')[0]!.slice(5)) - Number(b.split(':')[0]!.slice(5)));
  return { forbidden, shortContinuations, avoidableSplits, emptyPages, pages: pages.length, problems, problemPages: [...problemPages].sort((a, b) => a - b) };
}

/**
 * The height of a whole table item: caption, every band's head and rows, notes.
 *
 * @param item The table item.
 * @returns The height in pt.
 */
export function tableHeight(item: Extract<FlowItem, { kind: 'table' }>): number {
  const lines = (list: readonly { readonly height: number }[]) => list.reduce((sum, line) => sum + line.height, 0);
  return lines(item.caption) + item.table.bands.reduce((sum, band) => sum + headHeight(band) + band.bodyHeights.reduce((a, b) => a + b, 0), 0) + lines(item.notes);
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
