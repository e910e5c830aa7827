import { describe, expect, test } from 'vitest';
import { createFixedMeasurer } from '../../../text/measure/measure.ts';
import { buildTableGrid } from '../buildTableGrid/buildTableGrid.ts';
import { cellFace, sizeTable, type TableTypeSettings } from './sizeTable.ts';

const measurer = createFixedMeasurer();
const settings: TableTypeSettings = { size: 10, minSize: 8, lineHeight: 1.5, bodyFace: 'table', headerFace: 'table-bold', paddingX: 2, paddingY: 3, maxStubShare: 0.5 };
const grid = (rows: { label: string; values: (number | string)[] }[], columns: string[] = ['本年', '上年']) =>
  buildTableGrid({ bands: [{ corner: '项目', columns, rows }] }, { kind: 'bands' }, []);

describe('cellFace', () => {
  test('values and row labels in the body face, headers in the header face', () => {
    expect(['value', 'row', 'column', 'corner', 'title'].map((kind) => cellFace({ kind: kind as 'value' }, settings))).toEqual(['table', 'table', 'table-bold', 'table-bold', 'table-bold']);
  });
});

describe('sizeTable', () => {
  test('fills the width; a one-line row is one pitch plus padding', () => {
    const sized = sizeTable(grid([{ label: '一', values: [1, 2] }]), measurer, 200, settings);
    expect(sized.columnWidths.reduce((a, b) => a + b, 0)).toBeCloseTo(200, 9);
    expect(sized.size).toBe(10);
    expect(sized.linePitch).toBe(15);
    expect(sized.bands[0]!.bodyHeights).toEqual([21]);
    expect(sized.bands[0]!.body.find((c) => c.kind === 'row')!.align).toBe('left');
    expect(sized.bands[0]!.body.find((c) => c.kind === 'value')!.align).toBe('center');
  });

  test('a label wider than its column wraps and makes its row taller', () => {
    const long = '一'.repeat(30);
    const sized = sizeTable(grid([{ label: long, values: [1, 2] }]), measurer, 200, settings);
    const label = sized.bands[0]!.body.find((c) => c.kind === 'row')!;
    expect(label.lines.length).toBeGreaterThan(1);
    expect(sized.bands[0]!.bodyHeights[0]).toBe(label.lines.length * 15 + 6);
  });

  test('numbers that do not fit shrink the type by half points down to minSize', () => {
    const wide = Array.from({ length: 6 }, (_, i) => `${i}本年`);
    const numbers = Array.from({ length: 6 }, () => 1234567);
    const sized = sizeTable(grid([{ label: '一', values: numbers }], wide), measurer, 6 * 38 + 20, settings);
    expect(sized.size).toBeLessThan(10);
    expect(sized.size).toBeGreaterThanOrEqual(8);
    expect((sized.size * 2) % 1).toBe(0);
  });

  test('a label spanning rows that needs more height spreads it over its rows', () => {
    const spanning = buildTableGrid({ bands: [{ columns: ['数'], rows: [{ label: '一'.repeat(40), children: [{ label: '甲', values: [1] }, { label: '乙', values: [2] }] }] }] }, { kind: 'bands' }, []);
    const sized = sizeTable(spanning, measurer, 120, { ...settings, maxStubShare: 0.4 });
    const [a, b] = sized.bands[0]!.bodyHeights;
    expect(a).toBe(b);
    expect(a! + b!).toBeGreaterThan(2 * 21);
  });

  test('an annotated value stays on one line when its column holds it, else its note wraps under the number', () => {
    const text = '22（其中修订16件）';
    const wide = sizeTable(grid([{ label: '一', values: [text, 2] }]), measurer, 400, settings);
    const cellOf = (sized: typeof wide) => sized.bands[0]!.body.find((c) => c.kind === 'value' && c.text === text)!;
    expect(cellOf(wide).lines.map((l) => l.spans.map((s) => s.text).join(''))).toEqual([text]);
    // Six such columns in 300 pt: the column is narrower than number and note together.
    const columns = Array.from({ length: 6 }, (_, i) => `列${i}`);
    const narrow = sizeTable(grid([{ label: '一', values: columns.map(() => text) }], columns), measurer, 300, settings);
    const lines = cellOf(narrow).lines.map((l) => l.spans.map((s) => s.text).join(''));
    expect(lines[0]).toBe('22');
    expect(lines.slice(1).join('')).toBe('（其中修订16件）');
    expect(lines.length).toBeGreaterThan(1);
    // The row grows by the note's lines; the column is never narrower than the number.
    expect(narrow.bands[0]!.bodyHeights[0]).toBe(lines.length * 15 + 6);
    expect(narrow.columnWidths[1]! - 4).toBeGreaterThanOrEqual(10);
  });
});
