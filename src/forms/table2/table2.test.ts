import { describe, expect, test } from 'vitest';
import { listFormCells } from '../formTemplate/formTemplate.ts';
import { TABLE2_CORNER, TABLE2_TEMPLATES } from './table2.ts';

describe('TABLE2_TEMPLATES', () => {
  test('2019: five blocks', () => {
    const t = TABLE2_TEMPLATES['2019'];
    expect(t.bands.map((b) => b.title)).toStrictEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
    expect(t.bands.every((b) => b.corner === TABLE2_CORNER)).toBe(true);
    expect(listFormCells(t)).toHaveLength(6 + 6 + 6 + 2 + 2);
    expect(listFormCells(t).filter((c) => c.kind === 'change').map((c) => c.path.join('.'))).toContain('fees.administrativeFees.change');
    expect(listFormCells(t).filter((c) => c.kind === 'money').map((c) => c.path.join('.'))).toStrictEqual(['procurement.centralizedProcurement.amount']);
  });

  test('2021: four blocks, one-column blocks, fees in 万元', () => {
    const t = TABLE2_TEMPLATES['2021'];
    expect(t.bands.map((b) => b.title)).toStrictEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    expect(listFormCells(t).map((c) => `${c.row}×${c.column}`)).toStrictEqual([
      '规章×本年制发件数', '规章×本年废止件数', '规章×现行有效件数',
      '行政规范性文件×本年制发件数', '行政规范性文件×本年废止件数', '行政规范性文件×现行有效件数',
      '行政许可×本年处理决定数量', '行政处罚×本年处理决定数量', '行政强制×本年处理决定数量',
      '行政事业性收费×本年收费金额（单位：万元）',
    ]);
  });
});
