import type { FlowItem } from '../flow/flowItem.ts';
import { EPSILON } from './breakRules.ts';
import { paginate, shrinkableLines, type BreakAdjustments, type PaginateContext } from './paginate.ts';
import type { PagePiece, Pagination } from './pagination.ts';
import { maxTightening, rowCount } from '../table/tightenTable/tightenTable.ts';
import { filled, scorePagination, tableHeight, type PaginationScore } from './scorePagination.ts';

/**
 * Lexicographic cost: forbidden breaks first, then short 续表 pieces, pages left more than half
 * empty, tables split that the preset would keep whole, pages, and last the spacing adjustments
 * used (blank lines taken out, lines set closer): an adjustment is kept only where it avoids a
 * worse problem or saves a page. (A page half empty is worse than a table split where the
 * preset's own splitting rules allow it.)
 */
function cost(score: PaginationScore, adjustments: BreakAdjustments): readonly number[] {
  const sum = (record: Readonly<Record<number, number>> | undefined) => Object.values(record ?? {}).reduce((a, b) => a + b, 0);
  return [score.forbidden, score.shortContinuations, score.emptyPages, score.avoidableSplits, score.pages, sum(adjustments.shrinkSpace) + sum(adjustments.extraLines)];
}

function better(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** What a {@link paginateByCost} search did: each candidate is one more linear pass (pagination and score). */
export interface PaginationSearchStats {
  /** Candidate paginations tried (besides first fit). */
  candidates: number;
  /** Rounds that kept an improvement. */
  rounds: number;
}

/**
 * Paginates first fit, then looks at the result as a whole and moves breaks earlier where that
 * lowers the cost: a signature alone on a page takes the last two (or three) lines of the text
 * before it along (GB/T 9704: the signature shares its page with body text), or, as the preset's
 * `pagination` allows, joins the page before with blank lines taken out of its seal room or of
 * the spaces on that page (whole lines, so the grid holds) or that page's lines set one line
 * closer (GB/T 9704 7.3.5: 调整行距); a 续表 piece with fewer than `minRowsBeforeBreak` rows takes
 * rows from the page before. Each candidate is a whole pagination; a round takes the problem pages
 * in order and, at the first whose candidates lower the cost, keeps the cheapest of them
 * (forbidden, short 续表, empty pages, avoidable splits, pages, adjustments; ties go to the
 * candidate proposed first).
 * Deterministic. Without problems (every example and boundary case) the result is first fit's.
 * Cost: each candidate is one linear pass; a round tries the candidates of the problem pages
 * (a handful each, none twice), so the work is O(n · c) for n items and c candidates tried
 * (c = 0 without problems, and in the corpus at most a few dozen per report).
 *
 * @param items Flow items in print order.
 * @param context The preset.
 * @param stats If given, receives how many candidate paginations were tried and in how many rounds (for the bench and the corpus).
 * @returns The pagination with the lowest cost found.
 */
export function paginateByCost(items: readonly FlowItem[], context: PaginateContext, stats?: PaginationSearchStats): Pagination {
  const settings = { minContinuedRows: context.preset.table.minRowsBeforeBreak, minRowScale: context.preset.table.minRowScale ?? 1 };
  let adjustments: BreakAdjustments = {};
  let best = paginate(items, context);
  let bestScore = scorePagination(best, settings);
  const tried = new Set<string>();
  // Each round keeps one improvement; a problem is fixed at most once, so rounds ≤ pages.
  for (let round = 0; round < best.pages.length + 1; round++) {
    const groups = proposeAdjustments(best, bestScore.problemPages, adjustments, context).map((group) => group.filter((c) => !tried.has(JSON.stringify(c))));
    let improved = false;
    let bestCost = cost(bestScore, adjustments);
    // Page by page: the first page whose candidates lower the cost gets the cheapest of them.
    for (const group of groups) {
      for (const candidate of group) {
        tried.add(JSON.stringify(candidate));
        if (stats !== undefined) stats.candidates += 1;
        const pagination = paginate(items, context, candidate);
        const score = scorePagination(pagination, settings);
        const candidateCost = cost(score, candidate);
        if (better(candidateCost, bestCost)) {
          [best, bestScore, adjustments, bestCost, improved] = [pagination, score, candidate, candidateCost, true];
        }
      }
      if (improved) break;
    }
    if (!improved) break;
    if (stats !== undefined) stats.rounds += 1;
  }
  return best;
}

/** Candidate adjustments for the pages with a problem, one group per page in page order, each adding one change. */
function proposeAdjustments(pagination: Pagination, problemPages: readonly number[], current: BreakAdjustments, context: PaginateContext): BreakAdjustments[][] {
  // The page before a problem page may hold the fix (a table kept whole, a page left empty).
  const pages = [...new Set(problemPages.flatMap((p) => (p > 0 ? [p - 1, p] : [p])))].sort((a, b) => a - b);
  return pages.map((p) => proposeForPage(pagination, p, current, context));
}

function proposeForPage(pagination: Pagination, p: number, current: BreakAdjustments, context: PaginateContext): BreakAdjustments[] {
  const { items, pages } = pagination;
  const minRows = context.preset.table.minRowsBeforeBreak;
  const withLine = (item: number, line: number): BreakAdjustments => ({ ...current, breakBeforeLine: { ...current.breakBeforeLine, [item]: line } });
  const withRow = (item: number, band: number, row: number): BreakAdjustments => ({ ...current, breakBeforeRow: { ...current.breakBeforeRow, [item]: { band, row } } });
  {
    const page = pages[p]!;
    const signatureAlone = page.pieces.length > 0 && page.pieces.every((piece) => piece.kind === 'line' && isSignature(items[piece.item]));
    if (signatureAlone && p > 0) return [...signatureCandidates(pagination, p - 1, current, context, withLine, withRow), ...spacingCandidates(pagination, p, current, context)];
    for (const piece of page.pieces) {
      if (piece.kind !== 'tableRows' || piece.segment.from === 0) continue;
      // A table continued here: first try to keep it on the page before by tightening its rows;
      // for a short piece, then take rows from the page before.
      const tighter = tighteningCandidate(pagination, piece.item, current, context);
      const count = piece.segment.to - piece.segment.from + 1;
      const row = piece.segment.from - (minRows - count);
      const candidates = [...(tighter === undefined ? [] : [tighter]), ...(count < minRows && row >= 1 ? [withRow(piece.item, piece.segment.band, row)] : [])];
      if (candidates.length > 0) return candidates;
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
  current: BreakAdjustments,
  context: PaginateContext,
  withLine: (item: number, line: number) => BreakAdjustments,
  withRow: (item: number, band: number, row: number) => BreakAdjustments,
): BreakAdjustments[] {
  const { items, pages } = pagination;
  const minRows = context.preset.table.minRowsBeforeBreak;
  const tighten = (item: number) => current.tightenTables?.[item];
  const withTightening = (item: number, amount: number): BreakAdjustments => ({ ...current, tightenTables: { ...current.tightenTables, [item]: amount } });
  const page = pages[p]!;
  const last = page.pieces.at(-1);
  if (last === undefined) return [];
  const item = items[last.item];
  if (last.kind === 'tableRows') {
    const { band, from, to } = last.segment;
    const table = items[last.item];
    const signature = pages[p + 1]!.pieces.reduce((sum, piece) => sum + (piece.kind === 'line' ? piece.line.height : 0), 0);
    const candidates: BreakAdjustments[] = [];
    // Tighter rows may leave room for the signature under the table.
    if (table?.kind === 'table') {
      const lacking = signature - (page.frame.textHeight - filled(page, items));
      const needed = lacking / (2 * rowCount(table.table)) + 0.001;
      if (needed > 0 && needed <= maxTightening(table.table, context.preset.table.minRowScale ?? 1) && tighten(last.item) === undefined) candidates.push(withTightening(last.item, needed));
    }
    candidates.push(...[minRows - 1, minRows].map((n) => to - n + 1).filter((row) => row > from).map((row) => withRow(last.item, band, row)));
    // A table that starts on this page may go to the next whole, with the text before it.
    const tableStart = page.pieces.findIndex((piece) => piece.item === last.item);
    const before = page.pieces[tableStart - 1];
    if (from === 0 && band === 0 && before?.kind === 'line' && items[before.item]?.kind === 'lines') candidates.push(...linesCandidates(pagination, p, before, withLine));
    return candidates;
  }
  if (last.kind !== 'line' || item?.kind !== 'lines') return [];
  return linesCandidates(pagination, p, last, withLine);
}

/** Breaks earlier in the lines item of `last` (a line piece on page `p`): its last two or three lines, or the whole item with the headings kept with it. */
function linesCandidates(pagination: Pagination, p: number, last: Extract<PagePiece, { kind: 'line' }>, withLine: (item: number, line: number) => BreakAdjustments): BreakAdjustments[] {
  const { items, pages } = pagination;
  const page = pages[p]!;
  const item = items[last.item];
  if (item?.kind !== 'lines') return [];
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

/**
 * Tightening that lets a split table end one page earlier: the overflow (its rows after the
 * first page it is on, their 续表 lines and heads) spread over every row, within the preset's
 * `minRowScale`. Undefined when that is not enough or not allowed.
 */
function tighteningCandidate(pagination: Pagination, item: number, current: BreakAdjustments, context: PaginateContext): BreakAdjustments | undefined {
  const table = pagination.items[item];
  if (table?.kind !== 'table' || !table.keepTogether || current.tightenTables?.[item] !== undefined) return undefined;
  const page = pagination.pages.find((p) => p.pieces.some((piece) => piece.item === item));
  if (page === undefined) return undefined;
  // Kept whole, the table moves to a page of its own: it must fit the text block.
  const needed = (tableHeight(table) - page.frame.textHeight) / (2 * rowCount(table.table)) + 0.001;
  if (needed <= 0 || needed > maxTightening(table.table, context.preset.table.minRowScale ?? 1)) return undefined;
  return { ...current, tightenTables: { ...current.tightenTables, [item]: needed } };
}

/**
 * Ways to fit a lone signature (on page `p`) on the page before it, as the preset's `pagination`
 * allows: blank lines taken out of its seal room, out of the spaces on the page before, and that
 * page's lines set one line closer — every combination, fewest adjustments first.
 */
function spacingCandidates(pagination: Pagination, p: number, current: BreakAdjustments, context: PaginateContext): BreakAdjustments[] {
  const { items, pages } = pagination;
  const { minSpaceScale = 1, signaturePageExtraLines = 0 } = context.preset.pagination ?? {};
  const signature = pages[p]!.pieces[0]!.item;
  const before = pages[p - 1]!;
  const pitch = before.frame.bodyPitch;
  const seal = current.shrinkSpace?.[signature] === undefined ? shrinkableLines(items[signature]!, pitch, minSpaceScale) : 0;
  // The space items laid out on the page before (between its first piece and the signature).
  const first = Math.min(...before.pieces.map((piece) => piece.item));
  const spaces: Record<number, number> = {};
  for (let i = first; i < signature; i++) {
    const lines = items[i]?.kind === 'space' && current.shrinkSpace?.[i] === undefined ? shrinkableLines(items[i]!, pitch, minSpaceScale) : 0;
    if (lines > 0) spaces[i] = lines;
  }
  const spaceLines = Object.values(spaces).reduce((a, b) => a + b, 0);
  const extra = current.extraLines?.[signature] === undefined ? signaturePageExtraLines : 0;
  const candidates: { lines: number; adjustments: BreakAdjustments }[] = [];
  // Blank lines out before lines set closer (which leaves the grid on that page), at equal count.
  for (let e = 0; e <= extra; e++) {
    for (const s of spaceLines > 0 ? [0, 1] : [0]) {
      for (let r = 0; r <= seal; r++) {
        const lines = r + s * spaceLines + e;
        if (lines === 0 || lines * pitch > before.frame.textHeight + EPSILON) continue;
        candidates.push({
          lines,
          adjustments: {
            ...current,
            ...(r + s === 0 ? {} : { shrinkSpace: { ...current.shrinkSpace, ...(r > 0 ? { [signature]: r } : {}), ...(s > 0 ? spaces : {}) } }),
            ...(e === 0 ? {} : { extraLines: { ...current.extraLines, [signature]: e } }),
          },
        });
      }
    }
  }
  return candidates.sort((a, b) => a.lines - b.lines).map((c) => c.adjustments);
}

function isSignature(item: FlowItem | undefined): boolean {
  return item?.kind === 'lines' && (item.keepTogether === true || item.note === 'date line');
}
