import type { SizedTable } from '../sizeTable/sizeTable.ts';

/**
 * Tightens a table's rows by taking `amount` pt of vertical padding from the top and the bottom
 * of every row (head and body), never more than the padding there is: every cell keeps its lines.
 *
 * @param table The sized table.
 * @param amount Padding to take from each side of a row, in pt.
 * @returns The tighter table (the input is unchanged).
 */
export function tightenTable(table: SizedTable, amount: number): SizedTable {
  const d = Math.max(0, Math.min(amount, table.paddingY));
  if (d === 0) return table;
  return {
    ...table,
    paddingY: table.paddingY - d,
    bands: table.bands.map((band) => ({ ...band, headHeights: band.headHeights.map((h) => h - 2 * d), bodyHeights: band.bodyHeights.map((h) => h - 2 * d) })),
  };
}

/**
 * The most padding {@link tightenTable} may take so that no row falls under `minScale` of its
 * height (the preset's `table.minRowScale`, e.g. 0.92).
 *
 * @param table The sized table.
 * @param minScale Smallest share of its height a row may keep.
 * @returns The amount in pt (0 when no tightening is allowed).
 */
export function maxTightening(table: SizedTable, minScale: number): number {
  const heights = table.bands.flatMap((band) => [...band.headHeights, ...band.bodyHeights]);
  if (heights.length === 0 || !(minScale < 1)) return 0;
  return Math.min(table.paddingY, ((1 - minScale) * Math.min(...heights)) / 2);
}

/**
 * How many rows (head and body, every band) a table has: each loses twice the amount when tightened.
 *
 * @param table The sized table.
 * @returns The row count.
 */
export function rowCount(table: SizedTable): number {
  return table.bands.reduce((sum, band) => sum + band.headHeights.length + band.bodyHeights.length, 0);
}
