/**
 * Finds expected strings in the page texts of a PDF, in document order, within a page range.
 *
 * Each string is searched from the page where the previous one was found (a "cursor"), so the
 * check also catches content printed out of order across pages, while allowing any order within
 * a page. A paragraph may run over a page break: it is then found as a prefix on one page and the
 * rest on the following page(s), whatever (a folio, a repeated table header) lies between.
 * A table row is found by geometry (its values to the right of its label, see `pageHasRow`).
 *
 * @module
 */
import type { PageText } from './extractPdfText.ts';
import type { ExpectedText } from './reportText.ts';
import { pageHasRow } from './tableRows.ts';

/** Where an expected string was found, or why not. */
export interface LocatedText {
  /** The expected string. */
  readonly expected: ExpectedText;
  /** First and last page it occupies (1-based), when found in order. */
  readonly pages?: readonly [number, number];
  /** When not found in order: the pages of the whole range where it occurs at all. */
  readonly elsewhere?: readonly number[];
}

/** A 1-based inclusive page range. */
export interface PageRange {
  /** First page. */
  readonly first: number;
  /** Last page. */
  readonly last: number;
}

/** Longest prefix of `text` (in characters) that `haystack` contains. */
function longestContainedPrefix(text: string, haystack: string): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (haystack.includes(text.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Finds `text` starting on page index `from`, possibly running over following pages.
 *
 * @returns The index of the last page it occupies, or -1.
 */
function findSpanning(text: string, pages: readonly PageText[], from: number, last: number, mayBreak: boolean): number {
  if (pages[from]?.compact.includes(text)) return from;
  if (!mayBreak) return -1;
  let rest = text.slice(longestContainedPrefix(text, pages[from]?.compact ?? ''));
  if (rest.length === text.length) return -1;
  for (let index = from + 1; index <= last; index += 1) {
    const compact = pages[index]?.compact ?? '';
    if (compact.includes(rest)) return index;
    const taken = longestContainedPrefix(rest, compact);
    if (taken === 0) return -1;
    rest = rest.slice(taken);
  }
  return -1;
}

/**
 * Locates every expected string, in order, within a page range.
 *
 * @param items The expected strings, in document order.
 * @param pages All pages of the PDF.
 * @param range The pages the strings must lie on.
 * @returns One entry per item; entries without `pages` are failures.
 */
export function locateTexts(items: readonly ExpectedText[], pages: readonly PageText[], range: PageRange): LocatedText[] {
  const first = range.first - 1;
  const last = Math.min(range.last, pages.length) - 1;
  let cursor = first;
  return items.map((expected) => {
    const mayBreak = expected.kind === 'paragraph' || expected.kind === 'note';
    for (let index = cursor; index <= last; index += 1) {
      const row = expected.row;
      if (row !== undefined) {
        const page = pages[index];
        if (page !== undefined && pageHasRow(page, row.label, row.values)) {
          cursor = index;
          return { expected, pages: [index + 1, index + 1] };
        }
        continue;
      }
      const end = findSpanning(expected.text, pages, index, last, mayBreak);
      if (end >= 0) {
        cursor = end;
        return { expected, pages: [index + 1, end + 1] };
      }
    }
    const row = expected.row;
    const onPage = (page: PageText) => (row === undefined ? page.compact.includes(expected.text) : pageHasRow(page, row.label, row.values));
    const elsewhere = pages.filter(onPage).map((page) => page.pageNumber);
    return { expected, elsewhere };
  });
}

/**
 * Formats the failures of {@link locateTexts} one per line, or returns `[]` when all were found.
 *
 * @param located The result of {@link locateTexts}.
 * @param range The range that was searched.
 * @returns Failure lines.
 */
export function describeMissing(located: readonly LocatedText[], range: PageRange): string[] {
  return located
    .filter((entry) => entry.pages === undefined)
    .map((entry) => {
      const where =
        entry.elsewhere !== undefined && entry.elsewhere.length > 0
          ? `found only on page(s) ${entry.elsewhere.join(', ')} (out of order or outside pages ${range.first}–${range.last})`
          : `not found on pages ${range.first}–${range.last}`;
      return `${entry.expected.kind} ${JSON.stringify(entry.expected.text)} (${entry.expected.path}): ${where}`;
    });
}
