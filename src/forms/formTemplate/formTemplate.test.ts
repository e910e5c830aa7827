import { describe, expect, test } from 'vitest';
import { cellKey, listFormCells, type FormTemplate } from './formTemplate.ts';

const template: FormTemplate = {
  id: 'table4',
  version: '2021',
  name: '表X',
  bands: [
    {
      key: 'band',
      columns: [{ label: '组', key: 'group', children: [{ label: '甲', key: 'a' }, { label: '乙', key: 'b', kind: 'money' }] }, { label: '无键组', children: [{ label: '丙', key: 'c' }] }],
      rows: [{ label: '一、行', key: 'one', short: '一、' }, { label: '二、组', key: 'two', children: [{ label: '1.子', key: 'sub', short: '二①' }] }],
    },
  ],
};

describe('listFormCells', () => {
  test('lists cells row by row with paths, kinds and names', () => {
    const cells = listFormCells(template);
    expect(cells.map((c) => cellKey(c.path))).toStrictEqual([
      'band.one.group.a', 'band.one.group.b', 'band.one.c', 'band.two.sub.group.a', 'band.two.sub.group.b', 'band.two.sub.c',
    ]);
    expect(cells[1]).toStrictEqual({
      path: ['band', 'one', 'group', 'b'],
      kind: 'money',
      rowPath: ['band', 'one'],
      columnPath: ['group', 'b'],
      row: '一、行',
      rowShort: '一、',
      column: '组 › 乙',
      columnShort: '乙',
    });
    expect(cells[5]).toMatchObject({ row: '二、组 › 1.子', rowShort: '二①', column: '丙', kind: 'count' });
  });

  test('a row without a label has an empty name (no row header)', () => {
    const [cell] = listFormCells({ ...template, bands: [{ columns: [{ label: '甲', key: 'a' }], rows: [{}] }] });
    expect(cell).toMatchObject({ path: ['a'], row: '', rowShort: '' });
  });
});

describe('cellKey', () => {
  test('joins with dots', () => {
    expect(cellKey(['withheld', 'stateSecret', 'total'])).toBe('withheld.stateSecret.total');
  });
});
