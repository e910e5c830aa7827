import { describe, expect, test } from 'vitest';
import { listFormCells } from '../formTemplate/formTemplate.ts';
import { TABLE3_CORNER, TABLE3_TEMPLATES } from './table3.ts';

const rowsOf = (version: '2019' | '2021') => [...new Set(listFormCells(TABLE3_TEMPLATES[version]).map((c) => c.row))];

describe('TABLE3_TEMPLATES', () => {
  test('23 data rows in the 2019 form, 25 in the 2021 form, 7 columns each', () => {
    expect(rowsOf('2019')).toHaveLength(23);
    expect(rowsOf('2021')).toHaveLength(25);
    expect(listFormCells(TABLE3_TEMPLATES['2019'])).toHaveLength(23 * 7);
    expect(listFormCells(TABLE3_TEMPLATES['2021'])).toHaveLength(25 * 7);
  });

  test('canonical labels, including the ones the seed misprints', () => {
    const rows = rowsOf('2019');
    expect(rows).toContain('（三）不予公开 › 3.危及“三安全一稳定”');
    expect(rows).toContain('（三）不予公开 › 7.属于行政执法案卷');
    expect(rows).toContain('（四）无法提供 › 2.没有现成信息需要另行制作');
    expect(rows[0]).toBe('一、本年新收政府信息公开申请数量');
    expect(rows[1]).toBe('二、上年结转政府信息公开申请数量');
    expect(rows.at(-1)).toBe('四、结转下年度继续办理');
  });

  test('the 2021 form splits （六）其他处理 into three rows', () => {
    expect(rowsOf('2021').filter((r) => r.startsWith('（六）'))).toStrictEqual([
      '（六）其他处理 › 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '（六）其他处理 › 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '（六）其他处理 › 3.其他',
    ]);
    expect(rowsOf('2019').filter((r) => r.startsWith('（六）'))).toStrictEqual(['（六）其他处理']);
  });

  test('corner and column tree', () => {
    const band = TABLE3_TEMPLATES['2021'].bands[0];
    expect(band?.corner).toBe(TABLE3_CORNER);
    expect(listFormCells(TABLE3_TEMPLATES['2021']).slice(0, 7).map((c) => c.column)).toStrictEqual([
      '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计',
    ]);
  });
});
