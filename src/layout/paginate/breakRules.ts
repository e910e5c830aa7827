import type { FlowItem, FlowLine } from '../flow/flowItem.ts';
import { headHeight } from '../table/paintTableSegment/paintTableSegment.ts';

/** Tolerance of height comparisons, in pt (sums of line pitches are not exact in binary). */
export const EPSILON = 0.01;

/**
 * Total height of some lines.
 *
 * @param lines The lines.
 * @returns The sum of their heights, in pt.
 */
export function heightOf(lines: readonly FlowLine[]): number {
  return lines.reduce((sum, line) => sum + line.height, 0);
}

/** The room on the current page: how much is used and how much is left, in pt. */
export interface PageRoom {
  /** Height used from the top of the text block. */
  readonly used: number;
  /** Height left under it. */
  readonly left: number;
}

/**
 * Whether line `k` of a lines item must go to the next page. Nothing moves from the top of a
 * page. A line that does not fit moves. A paragraph (splittable) also moves its first line when
 * its second would not fit beside it (no orphan at the page bottom), and its last-but-one line
 * when the last would be alone on the next page (no widow), if it has at least four lines.
 *
 * @param lines The item's lines.
 * @param k The line about to be placed.
 * @param splittable Whether the item may be split (paragraphs).
 * @param room The room on the page.
 * @returns True to start a new page before line `k`.
 */
export function breaksBeforeLine(lines: readonly FlowLine[], k: number, splittable: boolean, room: PageRoom): boolean {
  if (!(room.used > 0)) return false;
  const line = lines[k]!;
  if (!splittable) return line.height > room.left + EPSILON;
  const n = lines.length;
  const orphan = k === 0 && n >= 2 && heightOf(lines.slice(0, 2)) > room.left + EPSILON;
  const widow = k === n - 2 && k >= 2 && line.height <= room.left + EPSILON && heightOf(lines.slice(k, k + 2)) > room.left + EPSILON;
  return orphan || widow || line.height > room.left + EPSILON;
}

/**
 * The height a table needs where it starts: with `keepTogether`, the whole table when it fits on
 * one page (a short table is never split); otherwise its caption, first head and its first
 * `minRowsBeforeBreak` rows.
 *
 * @param item The table item.
 * @param pageHeight Height of the text block.
 * @returns The height in pt.
 */
export function tableOpening(item: Extract<FlowItem, { kind: 'table' }>, pageHeight: number): number {
  const first = item.table.bands[0]!;
  const whole = heightOf(item.caption) + item.table.bands.reduce((sum, band) => sum + headHeight(band) + band.bodyHeights.reduce((a, b) => a + b, 0), 0) + heightOf(item.notes);
  if (item.keepTogether && whole <= pageHeight) return whole;
  const rows = first.bodyHeights.slice(0, item.minRowsBeforeBreak).reduce((a, b) => a + b, 0);
  return Math.min(whole, heightOf(item.caption) + headHeight(first) + rows);
}

/**
 * The height that must follow a heading or caption on the same page: two lines of text, a
 * table's opening ({@link tableOpening}) or an image; space is added and kept-with-next lines
 * chain on; a new page needs nothing.
 *
 * @param items The flow items.
 * @param index The item after the one kept with it.
 * @param pageHeight Height of the text block.
 * @returns The height in pt.
 */
export function minimumFollowing(items: readonly FlowItem[], index: number, pageHeight: number): number {
  // A loop, not recursion, that stops once the chain is taller than a page (all the caller
  // compares): thousands of headings in a row must neither overflow the stack nor cost quadratic time.
  let total = 0;
  for (let at = index; total <= pageHeight; at++) {
    const item = items[at];
    if (item === undefined) return total;
    switch (item.kind) {
      case 'lines':
        if (item.splittable) return total + heightOf(item.lines.slice(0, 2));
        total += heightOf(item.lines);
        if (!item.keepWithNext) return total;
        break;
      case 'table':
        return total + tableOpening(item, pageHeight);
      case 'image':
        return total + item.height;
      case 'space':
        total += item.height;
        break;
      case 'newPage':
        return total;
    }
  }
  return total;
}
