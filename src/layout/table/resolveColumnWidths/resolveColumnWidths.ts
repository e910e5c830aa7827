import type { TableGrid, GridCell } from '../buildTableGrid/buildTableGrid.ts';

/** How wide a cell's text wants to be: on one line, and at the least (its longest unbreakable piece). */
export interface CellWidthNeeds {
  /** Width of the text on one line, in pt. */
  readonly natural: number;
  /** Width of its longest piece that must not be broken (a number, a word), in pt. */
  readonly minimum: number;
}

/** Settings of the width computation. */
export interface ColumnWidthSettings {
  /** The table's total width (the text block), in pt. */
  readonly width: number;
  /** Horizontal padding on each side of a cell, in pt. */
  readonly paddingX: number;
  /** Largest share of the width the row-header columns may take. */
  readonly maxStubShare: number;
  /** Width of one character of the table text (a spanned label never gets narrower than 4 of them). */
  readonly charWidth: number;
}

/**
 * Computes column widths from the content so that the table fills the given width exactly:
 * row-header columns get what their longest label needs, up to `maxStubShare` of the width
 * (then their labels wrap), a label spanning many rows may wrap into a column of 4 characters,
 * and the data columns share the rest equally, each at least as wide as its widest number.
 *
 * @param grid The table grid.
 * @param needs Width needs of a cell.
 * @param settings Width, padding, limits.
 * @returns One width per column, summing to `settings.width`; `fits` is false when the
 *   unbreakable minimums do not fit (the caller then tries a smaller type size).
 */
export function resolveColumnWidths(
  grid: TableGrid,
  needs: (cell: GridCell) => CellWidthNeeds,
  settings: ColumnWidthSettings,
): { widths: number[]; fits: boolean } {
  const count = grid.stubColumns + grid.dataColumns;
  const natural = new Array<number>(count).fill(0);
  const minimum = new Array<number>(count).fill(0);
  const pad = 2 * settings.paddingX;
  for (const band of grid.bands) {
    for (const cell of [...band.head, ...band.body]) {
      if (cell.colSpan !== 1) continue;
      const need = needs(cell);
      const wrapsDown = cell.kind === 'row' && cell.rowSpan > 1;
      const wanted = wrapsDown ? Math.min(need.natural, Math.max(need.natural / cell.rowSpan, 4 * settings.charWidth)) : need.natural;
      natural[cell.col] = Math.max(natural[cell.col]!, wanted + pad);
      minimum[cell.col] = Math.max(minimum[cell.col]!, need.minimum + pad);
    }
  }
  const stub = range(0, grid.stubColumns);
  const data = range(grid.stubColumns, count);
  const widths = new Array<number>(count).fill(0);
  const stubNatural = sum(stub.map((c) => natural[c]!));
  const stubBudget = Math.min(stubNatural, settings.maxStubShare * settings.width, settings.width - sum(data.map((c) => minimum[c]!)));
  fill(widths, stub, natural, minimum, stubBudget);
  const dataBudget = settings.width - sum(stub.map((c) => widths[c]!));
  const unlimited = new Array<number>(count).fill(Number.POSITIVE_INFINITY);
  fill(widths, data, unlimited, minimum, dataBudget);
  const fits = widths.every((w, c) => w + 1e-6 >= minimum[c]!) && Math.abs(sum(widths) - settings.width) < 1e-6;
  return { widths, fits };
}

/**
 * Water-filling: gives each column min(its cap, a common level t) but at least its minimum,
 * choosing t so that the widths add up to the budget exactly.
 */
function fill(widths: number[], columns: readonly number[], cap: readonly number[], minimum: readonly number[], budget: number): void {
  if (columns.length === 0) return;
  const at = (level: number) => columns.map((c) => Math.max(minimum[c]!, Math.min(cap[c]!, level)));
  let low = 0;
  let high = budget;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (sum(at(mid)) > budget) high = mid;
    else low = mid;
  }
  const result = at(low);
  const spare = budget - sum(result);
  // Columns below their cap share what the level search leaves over, so the total is exact.
  const open = columns.filter((c, i) => result[i]! < cap[c]!);
  const share = open.length > 0 ? spare / open.length : spare / columns.length;
  columns.forEach((c, i) => {
    widths[c] = result[i]! + (open.length === 0 || open.includes(c) ? share : 0);
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
