/**
 * Reads a table row from a page by geometry: the text printed to the right of a row label, on
 * the label's own band of baselines. This does not depend on the order in which the renderer
 * writes cells into the content stream (ours writes value cells before the stub column).
 *
 * @module
 */
import type { PageText, PositionedText } from './extractPdfText.ts';

/** Item indices covering the character range [start, end) of the page's compact text. */
function itemsCovering(items: readonly PositionedText[], start: number, end: number): number[] {
  const covered: number[] = [];
  let offset = 0;
  items.forEach((item, index) => {
    const itemEnd = offset + item.text.length;
    if (itemEnd > start && offset < end) covered.push(index);
    offset = itemEnd;
  });
  return covered;
}

/**
 * For every occurrence of `label` on the page, the compact text of the items to the right of it
 * whose baselines lie within the label's band (its lowest to highest baseline, widened by 60 % of
 * the font size), read left to right.
 *
 * @param page A page from `extractPdfText`.
 * @param label The row label, compacted (non-empty).
 * @returns One string per occurrence of the label (empty when nothing is to its right).
 */
export function textRightOf(page: PageText, label: string): string[] {
  if (label === '') throw new Error('textRightOf: `label` must not be empty');
  const results: string[] = [];
  for (let start = page.compact.indexOf(label); start >= 0; start = page.compact.indexOf(label, start + 1)) {
    const indices = itemsCovering(page.items, start, start + label.length);
    const parts = indices.map((index) => page.items[index]!);
    const size = Math.max(...parts.map((item) => item.height), 1);
    const low = Math.min(...parts.map((item) => item.y)) - 0.6 * size;
    const high = Math.max(...parts.map((item) => item.y)) + 0.6 * size;
    const right = Math.max(...parts.map((item) => item.x + item.width));
    const row = page.items
      .filter((item, index) => !indices.includes(index) && item.y >= low && item.y <= high && item.x >= right - 0.5)
      .sort((a, b) => a.x - b.x);
    results.push(row.map((item) => item.text).join(''));
  }
  return results;
}

/**
 * Tells whether the page shows a row: its label with exactly `values` to its right on its band,
 * or, for a row without a label, the values written together.
 *
 * @param page A page from `extractPdfText`.
 * @param label The row label, compacted ('' for a table without a row-header column).
 * @param values The row's printed values, compacted and concatenated left to right.
 * @returns `true` when the row is on the page.
 */
export function pageHasRow(page: PageText, label: string, values: string): boolean {
  if (label === '') return page.compact.includes(values);
  return textRightOf(page, label).includes(values);
}
