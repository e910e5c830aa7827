import { describe, expect, test } from 'vitest';
import { createFixedMeasurer } from '../../../text/measure/measure.ts';
import type { PlacedRule, PlacedText } from '../../plan/plan.ts';
import { buildTableGrid } from '../buildTableGrid/buildTableGrid.ts';
import { sizeTable } from '../sizeTable/sizeTable.ts';
import { headHeight, indexTableCells, paintTableSegment } from './paintTableSegment.ts';

const measurer = createFixedMeasurer();
const settings = { size: 10, minSize: 8, lineHeight: 1.5, bodyFace: 'table' as const, headerFace: 'table-bold' as const, paddingX: 2, paddingY: 3, maxStubShare: 0.5 };
// A group label spanning four rows, over one data column: rows 21 pt, head 21 pt.
const table = sizeTable(
  buildTableGrid({ bands: [{ corner: '项目', columns: ['数量'], rows: [{ label: '分组', children: ['甲', '乙', '丙', '丁'].map((label, i) => ({ label, values: [i] })) }] }] }, { kind: 'bands' }, []),
  measurer,
  200,
  settings,
);
// Texts sorted: the order cells are painted in is not the point.
const texts = (items: readonly unknown[]) => (items as (PlacedText | PlacedRule)[]).filter((i): i is PlacedText => i.kind === 'text').map((t) => t.text).sort();
const rules = (items: readonly unknown[]) => (items as (PlacedText | PlacedRule)[]).filter((i): i is PlacedRule => i.kind === 'rule');

describe('paintTableSegment', () => {
  test('the whole table: rules merged into full lines, then the texts', () => {
    const items = paintTableSegment(table, { band: 0, withHead: true, from: 0, to: 3 }, 10, 100, 0.75, measurer);
    expect(texts(items)).toEqual(['项目', '数量', '分组', '甲', '0', '乙', '1', '丙', '2', '丁', '3'].sort());
    const horizontal = rules(items).filter((r) => r.y1 === r.y2);
    const ys = [...new Set(horizontal.map((r) => r.y1))].sort((a, b) => a - b);
    expect(ys[0]).toBe(100);
    expect(ys.at(-1)).toBeCloseTo(100 + headHeight(table.bands[0]!) + 4 * 21, 9);
    expect(rules(items).every((r) => r.width === 0.75)).toBe(true);
  });

  test('a cut group label is drawn again in the part of its rows on this page', () => {
    const items = paintTableSegment(table, { band: 0, withHead: true, from: 2, to: 3 }, 10, 100, 0.75, measurer);
    expect(texts(items)).toEqual(['项目', '数量', '分组', '丙', '2', '丁', '3'].sort());
    const label = (items as PlacedText[]).find((i) => i.kind === 'text' && i.text === '分组')!;
    const top = 100 + headHeight(table.bands[0]!);
    expect(label.y).toBeGreaterThan(top);
    expect(label.y).toBeLessThan(top + 2 * 21);
  });

  test('without the head, only the rows; a prebuilt index gives the same picture', () => {
    const segment = { band: 0, withHead: false, from: 1, to: 1 };
    const items = paintTableSegment(table, segment, 0, 0, 0.5, measurer);
    expect(texts(items)).toEqual(['分组', '乙', '1'].sort());
    expect(paintTableSegment(table, segment, 0, 0, 0.5, measurer, indexTableCells(table))).toStrictEqual(items);
  });
});
