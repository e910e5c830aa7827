import { describe, expect, test } from 'vitest';
import { listFormCells } from '../formTemplate/formTemplate.ts';
import { TABLE4_GROUPS, TABLE4_TEMPLATES } from './table4.ts';

describe('TABLE4_TEMPLATES', () => {
  test('one row without a label, 15 columns, the same in both versions', () => {
    const cells = listFormCells(TABLE4_TEMPLATES['2019']);
    expect(cells).toHaveLength(15);
    expect(cells.every((c) => c.row === '')).toBe(true);
    expect(listFormCells(TABLE4_TEMPLATES['2021']).map((c) => c.column)).toStrictEqual(cells.map((c) => c.column));
    expect(cells.map((c) => c.column).slice(4, 6)).toStrictEqual(['行政复议 › 总计', '行政诉讼 › 未经复议直接起诉 › 结果维持']);
  });

  test('three groups with a 总计 each', () => {
    expect(TABLE4_GROUPS).toStrictEqual([['review'], ['litigation', 'direct'], ['litigation', 'afterReview']]);
  });
});
