import { describe, expect, test } from 'vitest';
import type { FormBlock } from '../../schema/forms/forms.ts';
import { resolveFormBlock } from './resolveFormBlock.ts';

const PATH = ['sections', 3, 'content', 0];
const table4: FormBlock = { form: 'table4', caption: '表四', notes: ['注：无。'], data: { review: { upheld: 1, total: 1 } } };
const rowsOf = (block: FormBlock, year: number, reportForm?: '2019' | '2021') =>
  resolveFormBlock(block, PATH, { year, ...(reportForm === undefined ? {} : { reportForm }) }).block.table.bands[0]!.rows;

describe('resolveFormBlock', () => {
  test('carries caption and notes over to the generic table', () => {
    const { block } = resolveFormBlock({ ...table4, data: {} }, PATH, { year: 2021 });
    expect(block.table.caption).toBe('表四');
    expect(block.table.notes).toStrictEqual(['注：无。']);
  });

  test('the version comes from the block, then the report, then the year', () => {
    const t3: FormBlock = { form: 'table3', data: {} };
    const count = (rows: ReturnType<typeof rowsOf>) => rows[2]!.children!.length;
    expect(count(rowsOf(t3, 2020))).toBe(7); // （一）…（七）
    expect(rowsOf(t3, 2023)[2]!.children![5]!.children).toHaveLength(3);
    expect(rowsOf(t3, 2023, '2019')[2]!.children![5]!.children).toBeUndefined();
    expect(rowsOf({ ...t3, version: '2021' }, 2020, '2019')[2]!.children![5]!.children).toHaveLength(3);
  });

  test('years before the unified forms are an error unless a version is declared', () => {
    const errors = (context: Parameters<typeof resolveFormBlock>[2], block = table4) =>
      resolveFormBlock(block, PATH, context).issues.filter((i) => i.severity === 'error');
    const issues = errors({ year: 2018 });
    expect(issues.map((i) => [i.code, i.severity, i.pathText])).toStrictEqual([['form_version_unknown', 'error', 'sections[3].content[0]']]);
    expect(issues[0]?.message.zh).toContain('2018 年度没有统一的年报表格格式');
    expect(errors({ year: 2018 }, { ...table4, version: '2019' })).toStrictEqual([]);
    expect(errors({ year: 2018, reportForm: '2021' })).toStrictEqual([]);
  });

  test('keys of the other version are errors and are not printed', () => {
    const block: FormBlock = { form: 'table2', data: { documents: { rules: { issued: 4, newlyMade: 9 } } } };
    const { issues, block: out } = resolveFormBlock(block, PATH, { year: 2022 });
    expect(issues.map((i) => [i.code, i.pathText])).toStrictEqual([['form_key_version', 'sections[3].content[0].data.documents.rules.newlyMade']]);
    expect(out.table.bands[0]!.rows[0]).toStrictEqual({ label: '规章', values: [4, null, null] });
  });

  test('fillTotals prints the computed totals', () => {
    const { block, issues } = resolveFormBlock({ ...table4, data: { review: { upheld: 1, corrected: 2, other: 0, pending: 0 } } }, PATH, { year: 2021, fillTotals: true });
    expect(block.table.bands[0]!.rows[0]!.values!.slice(0, 5)).toStrictEqual([1, 2, 0, 0, 3]);
    expect(issues.map((i) => i.code)).toStrictEqual(Array(8).fill('blank_cell'));
  });

  test("表三 is checked against last year's row when one is given", () => {
    const block: FormBlock = { form: 'table3', data: { carriedOver: { naturalPerson: 1 } } };
    const { issues } = resolveFormBlock(block, PATH, { year: 2022, previous: { naturalPerson: 2 } });
    expect(issues.filter((i) => i.code === 'carried_over_mismatch').map((i) => i.pathText)).toStrictEqual(['sections[3].content[0].data.carriedOver.naturalPerson']);
  });
});
