/**
 * Hand-written flow items for the unit tests of the paginator and the painter: lines one body
 * pitch high (the fixed-width measurer's CJK characters are 1 em, so a line is exactly what the
 * real setter gives for 28 characters), and small sized tables with given row heights.
 *
 * @internal
 */
import type { FlowItem, FlowLine } from '../flow/flowItem.ts';
import type { SizedCell, SizedTable } from '../table/sizeTable/sizeTable.ts';

/** A line of `height` pt with one text run. */
export function line(height: number, text = '行'): FlowLine {
  return { height, texts: [{ x: 0, y: 2, text, face: 'body', size: 16, characterSpacing: 0 }] };
}

/** `n` lines labelled `${label}1`, `${label}2`, … */
export function lines(n: number, height: number, label = 'L'): FlowLine[] {
  return Array.from({ length: n }, (_, i) => line(height, `${label}${i + 1}`));
}

/** A paragraph (splittable) of `n` lines. */
export function paragraph(n: number, height: number, label = 'P'): FlowItem {
  return { kind: 'lines', lines: lines(n, height, label), keepWithNext: false, splittable: true, note: `paragraph ${label}` };
}

/** A heading: one line, kept with what follows. */
export function heading(height: number, label = 'H'): FlowItem {
  return { kind: 'lines', lines: [line(height, label)], keepWithNext: true, splittable: false, note: `heading ${label}`, outline: { id: label, title: label } };
}

/** A one-column table: a head row of `headHeight`, then one body row per height. */
export function sizedTable(headHeight: number, bodyHeights: readonly number[]): SizedTable {
  const cell = (row: number, text: string, kind: SizedCell['kind']): SizedCell => ({
    row, col: 0, rowSpan: 1, colSpan: 1, text, kind, path: [], lines: [{ spans: [{ text, face: 'table', size: 10, dx: 0, characterSpacing: 0 }], width: 10 * [...text].length, indent: 0, justified: false }], align: 'center',
  });
  return {
    columnWidths: [100],
    size: 10,
    linePitch: 13,
    paddingY: 3,
    paddingX: 3,
    bands: [{ headHeights: [headHeight], bodyHeights, head: [cell(0, '项目', 'column')], body: bodyHeights.map((_, i) => cell(i, `行${i + 1}`, 'value')) }],
  };
}

/** A table item around {@link sizedTable}. */
export function table(headHeight: number, bodyHeights: readonly number[], options: { keepTogether?: boolean; minRowsBeforeBreak?: number; caption?: readonly FlowLine[]; continuedHeight?: number } = {}): FlowItem {
  return {
    kind: 'table',
    table: sizedTable(headHeight, bodyHeights),
    caption: options.caption ?? [],
    notes: [],
    continuedLine: line(options.continuedHeight ?? 20, '续表'),
    ruleWidth: 0.75,
    keepTogether: options.keepTogether ?? true,
    minRowsBeforeBreak: options.minRowsBeforeBreak ?? 3,
    path: ['t'],
    note: 'table T',
  };
}
