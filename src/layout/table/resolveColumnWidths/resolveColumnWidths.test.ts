import { describe, expect, test } from 'vitest';
import type { GridCell, TableGrid } from '../buildTableGrid/buildTableGrid.ts';
import { resolveColumnWidths } from './resolveColumnWidths.ts';

const cell = (col: number, kind: GridCell['kind'], text: string, rowSpan = 1): GridCell => ({ row: 0, col, rowSpan, colSpan: 1, text, kind, path: [] });
const grid = (cells: GridCell[], stubColumns: number, dataColumns: number): TableGrid => ({ stubColumns, dataColumns, bands: [{ headRows: 0, head: [], bodyRows: 1, body: cells }] });
// Needs: natural = 10 pt a character, minimum = the given width for values.
const needs = (c: GridCell) => ({ natural: 10 * [...c.text].length, minimum: c.kind === 'value' ? 10 * [...c.text].length : 20 });
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('resolveColumnWidths', () => {
  test('the stub gets its natural width, the data columns share the rest equally, the total is exact', () => {
    const { widths, fits } = resolveColumnWidths(grid([cell(0, 'row', '一二三四'), cell(1, 'value', '1'), cell(2, 'value', '2')], 1, 2), needs, { width: 300, paddingX: 5, maxStubShare: 0.5, charWidth: 10 });
    expect(fits).toBe(true);
    expect(widths[0]).toBeCloseTo(50, 6);
    expect(widths[1]).toBeCloseTo(125, 6);
    expect(widths[2]).toBeCloseTo(125, 6);
    expect(sum(widths)).toBeCloseTo(300, 9);
  });

  test('the stub is capped at maxStubShare (its label then wraps)', () => {
    const { widths } = resolveColumnWidths(grid([cell(0, 'row', '一'.repeat(30)), cell(1, 'value', '1')], 1, 1), needs, { width: 200, paddingX: 0, maxStubShare: 0.4, charWidth: 10 });
    expect(widths[0]).toBeCloseTo(80, 6);
    expect(widths[1]).toBeCloseTo(120, 6);
  });

  test('a data column is never narrower than its widest number; too wide numbers do not fit', () => {
    const wide = grid([cell(0, 'row', '一'), cell(1, 'value', '1234567890'), cell(2, 'value', '1')], 1, 2);
    const { widths } = resolveColumnWidths(wide, needs, { width: 200, paddingX: 0, maxStubShare: 0.5, charWidth: 10 });
    expect(widths[1]).toBeGreaterThanOrEqual(100 - 1e-6);
    expect(sum(widths)).toBeCloseTo(200, 9);
    expect(resolveColumnWidths(wide, needs, { width: 100, paddingX: 0, maxStubShare: 0.5, charWidth: 10 }).fits).toBe(false);
  });

  test('a label spanning many rows may wrap down to 4 characters', () => {
    const spanning = grid([cell(0, 'row', '一'.repeat(12), 6), cell(1, 'row', '甲乙'), cell(2, 'value', '1')], 2, 1);
    const { widths } = resolveColumnWidths(spanning, needs, { width: 300, paddingX: 0, maxStubShare: 0.9, charWidth: 10 });
    expect(widths[0]).toBeCloseTo(40, 6);
  });
});
