import type { FlowItem } from '../flow/flowItem.ts';
import { paginate, type BreakAdjustments, type PaginateContext } from './paginate.ts';
import type { Pagination } from './pagination.ts';
import { filled, scorePagination, type PaginationScore } from './scorePagination.ts';

/** Lexicographic cost: forbidden breaks first, then short 续表 pieces, empty pages, pages. */
function cost(score: PaginationScore): readonly number[] {
  return [score.forbidden, score.shortContinuations, score.emptyPages, score.pages];
}

function better(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/**
 * Paginates first fit, then looks at the result as a whole and moves breaks earlier where that
 * lowers the cost: a signature alone on a page takes the last two (or three) lines of the text
 * before it along (GB/T 9704: the signature shares its page with body text); a 续表 piece with
 * fewer than `minRowsBeforeBreak` rows takes rows from the page before. Each candidate is a
 * whole pagination, kept only if its cost (forbidden, short 续表, empty pages, pages) is lower.
 * Deterministic. Without problems (every example and boundary case) the result is first fit's.
 * Cost: each candidate is one linear pass; a round tries the candidates of the problem pages
 * in order (at most three each, none twice) and keeps the first that lowers the cost, so the
 * work is O(n · c) for n items and c candidates tried (c = 0 without problems, and in the
 * corpus at most a handful per report).
 *
 * @param items Flow items in print order.
 * @param context The preset.
 * @returns The pagination with the lowest cost found.
 */
export function paginateByCost(items: readonly FlowItem[], context: PaginateContext): Pagination {
  const settings = { minContinuedRows: context.preset.table.minRowsBeforeBreak };
  let adjustments: BreakAdjustments = {};
  let best = paginate(items, context);
  let bestScore = scorePagination(best, settings);
  const tried = new Set<string>();
  // Each round keeps one improvement; a problem is fixed at most once, so rounds ≤ pages.
  for (let round = 0; round < best.pages.length + 1; round++) {
    const candidates = proposeAdjustments(best, adjustments, context).filter((c) => !tried.has(JSON.stringify(c)));
    if (candidates.length === 0) break;
    let improved = false;
    for (const candidate of candidates) {
      tried.add(JSON.stringify(candidate));
      const pagination = paginate(items, context, candidate);
      const score = scorePagination(pagination, settings);
      if (better(cost(score), cost(bestScore))) {
        [best, bestScore, adjustments, improved] = [pagination, score, candidate, true];
        break;
      }
    }
    if (!improved) break;
  }
  return best;
}

/** Candidate adjustments for the pages with a problem, in page order, each adding one earlier break. */
function proposeAdjustments(pagination: Pagination, current: BreakAdjustments, context: PaginateContext): BreakAdjustments[] {
  const { pages } = pagination;
  return pages.flatMap((_, p) => proposeForPage(pagination, p, current, context));
}

function proposeForPage(pagination: Pagination, p: number, current: BreakAdjustments, context: PaginateContext): BreakAdjustments[] {
  const { items, pages } = pagination;
  const minRows = context.preset.table.minRowsBeforeBreak;
  const withLine = (item: number, line: number): BreakAdjustments => ({ ...current, breakBeforeLine: { ...current.breakBeforeLine, [item]: line } });
  const withRow = (item: number, band: number, row: number): BreakAdjustments => ({ ...current, breakBeforeRow: { ...current.breakBeforeRow, [item]: { band, row } } });
  {
    const page = pages[p]!;
    const signatureAlone = page.pieces.length > 0 && page.pieces.every((piece) => piece.kind === 'line' && isSignature(items[piece.item]));
    if (signatureAlone && p > 0) return signatureCandidates(pagination, p - 1, minRows, withLine, withRow);
    for (const piece of page.pieces) {
      if (piece.kind !== 'tableRows' || piece.segment.from === 0) continue;
      const count = piece.segment.to - piece.segment.from + 1;
      const row = piece.segment.from - (minRows - count);
      if (count < minRows && row >= 1) return [withRow(piece.item, piece.segment.band, row)];
    }
    // A page left mostly empty because the table after it was moved whole: let that table split.
    const next = pages[p + 1];
    const first = next?.pieces.find((piece) => piece.kind === 'tableRows');
    const firstItem = first === undefined ? undefined : items[first.item];
    const movedWhole = first?.kind === 'tableRows' && first.segment.from === 0 && first.segment.band === 0 && !page.pieces.some((piece) => piece.kind === 'tableRows' && piece.item === first.item);
    if (movedWhole && firstItem?.kind === 'table' && firstItem.keepTogether && !(current.splitTables ?? []).includes(first.item)) {
      if (filled(page, items) < page.frame.textHeight / 2) return [{ ...current, splitTables: [...(current.splitTables ?? []), first.item] }];
    }
  }
  return [];
}

/**
 * Ways to give a lone signature company, from the page before it: its last two or three lines,
 * the whole last paragraph with the heading(s) kept with it, or a table's last rows.
 */
function signatureCandidates(
  pagination: Pagination,
  p: number,
  minRows: number,
  withLine: (item: number, line: number) => BreakAdjustments,
  withRow: (item: number, band: number, row: number) => BreakAdjustments,
): BreakAdjustments[] {
  const { items, pages } = pagination;
  const page = pages[p]!;
  const last = page.pieces.at(-1);
  if (last === undefined) return [];
  const item = items[last.item];
  if (last.kind === 'tableRows') {
    const { band, from, to } = last.segment;
    return [minRows - 1, minRows].map((n) => to - n + 1).filter((row) => row > from).map((row) => withRow(last.item, band, row));
  }
  if (last.kind !== 'line' || item?.kind !== 'lines') return [];
  const k = item.lines.indexOf(last.line);
  const firstOnPage = page.pieces.find((piece) => piece.item === last.item);
  const firstK = firstOnPage?.kind === 'line' ? item.lines.indexOf(firstOnPage.line) : 0;
  const candidates = item.splittable ? [k - 1, k - 2].filter((line) => line - firstK >= 2 || (firstK > 0 && line > firstK)).map((line) => withLine(last.item, line)) : [];
  // The whole item, with the headings kept with it.
  let start = last.item;
  while (start > 0 && items[start - 1]?.kind === 'lines' && (items[start - 1] as { keepWithNext: boolean }).keepWithNext) start -= 1;
  if (firstK === 0 && page.pieces[0]?.item !== start) candidates.push(withLine(start, 0));
  return candidates;
}

function isSignature(item: FlowItem | undefined): boolean {
  return item?.kind === 'lines' && (item.keepTogether === true || item.note === 'date line');
}
