import { describe, expect, test } from 'vitest';
import { createTableSchema } from '../../schema/table/table.ts';
import { DEFAULT_LIMITS } from '../../schema/limits/limits.ts';
import { readFormCell } from '../formCell/formCell.ts';
import { TABLE2_TEMPLATES } from '../table2/table2.ts';
import { TABLE3_CORNER, TABLE3_TEMPLATES } from '../table3/table3.ts';
import { TABLE4_TEMPLATES } from '../table4/table4.ts';
import { toFormTable } from './toFormTable.ts';

const tableSchema = createTableSchema(DEFAULT_LIMITS);
const from = (data: unknown) => (path: readonly string[]) => readFormCell(data, path);

describe('toFormTable', () => {
  test('表三 2019: corner, three-row column tree, three-level rows, canonical labels', () => {
    const { table } = toFormTable(TABLE3_TEMPLATES['2019'], from({ withheld: { endangersSecurity: { naturalPerson: 2 } } }));
    const band = table.bands[0]!;
    expect(band.corner).toBe(TABLE3_CORNER);
    expect(band.columns).toStrictEqual([
      { label: '申请人情况', children: ['自然人', { label: '法人或其他组织', children: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] }, '总计'] },
    ]);
    expect(band.rows.map((r) => r.label)).toStrictEqual(['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '四、结转下年度继续办理']);
    const withheld = band.rows[2]!.children![2]!;
    expect(withheld.children![2]).toStrictEqual({ label: '3.危及“三安全一稳定”', values: [2, null, null, null, null, null, null] });
    expect(withheld.children![6]!.label).toBe('7.属于行政执法案卷');
    expect(tableSchema.parse(table)).toStrictEqual(table);
  });

  test('表二 2019: one band per article item, signs and money as printed', () => {
    const { table } = toFormTable(
      TABLE2_TEMPLATES['2019'],
      from({ licensing: { administrativeLicensing: { previousYear: 0, change: 14, decisions: 14 } }, procurement: { centralizedProcurement: { projects: 1, amount: '5949.088667' } } }),
    );
    expect(table.bands).toHaveLength(5);
    expect(table.bands[1]).toStrictEqual({
      title: '第二十条第（五）项',
      corner: '信息内容',
      columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        { label: '行政许可', values: [0, '+14', 14] },
        { label: '其他对外管理服务事项', values: [null, null, null] },
      ],
    });
    expect(table.bands[4]!.rows[0]!.values).toStrictEqual([1, '5949.088667']);
    expect(tableSchema.parse(table)).toStrictEqual(table);
  });

  test('表二 2021: a one-column band, an annotated count', () => {
    const { table } = toFormTable(TABLE2_TEMPLATES['2021'], from({ documents: { normativeDocuments: { inForce: { value: 55, note: '含自然失效29件' } } } }));
    expect(table.bands[0]!.rows[1]).toStrictEqual({ label: '行政规范性文件', values: [null, null, '55（含自然失效29件）'] });
    expect(table.bands[1]!.columns).toStrictEqual(['本年处理决定数量']);
  });

  test('表四: no row header, no corner, 15 values', () => {
    const { table } = toFormTable(TABLE4_TEMPLATES['2021'], from({ review: { upheld: 1, total: 1 } }));
    expect(table.bands[0]!.corner).toBeUndefined();
    expect(table.bands[0]!.rows).toStrictEqual([{ values: [1, null, null, null, 1, null, null, null, null, null, null, null, null, null, null] }]);
    expect(tableSchema.parse(table)).toStrictEqual(table);
  });

  test('carries caption and notes', () => {
    const { table } = toFormTable(TABLE4_TEMPLATES['2019'], from({}), { caption: '表四', notes: ['注：无。'] });
    expect(table.caption).toBe('表四');
    expect(table.notes).toStrictEqual(['注：无。']);
  });

  test('gives the input key path of every value, by band, body row and value', () => {
    const { table, valueKeys } = toFormTable(TABLE3_TEMPLATES['2021'], from({}));
    expect(valueKeys).toHaveLength(table.bands.length);
    const rows = valueKeys[0]!;
    expect(rows[0]![0]).toStrictEqual(['newlyReceived', 'naturalPerson']);
    expect(rows[0]![6]).toStrictEqual(['newlyReceived', 'total']);
    expect(rows.at(-1)![1]).toStrictEqual(['carriedForward', 'commercialEnterprise']);
    expect(rows.flat().map((key) => key.join('.'))).toContain('otherHandling.feeUnpaid.total');
    const t2 = toFormTable(TABLE2_TEMPLATES['2021'], from({}));
    expect(t2.valueKeys[0]![1]![2]).toStrictEqual(['documents', 'normativeDocuments', 'inForce']);
    expect(structuredClone(t2)).toStrictEqual(t2);
  });
});
