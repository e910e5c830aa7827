import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../issues/createIssue.ts';
import type { Report } from '../../schema/report/report.ts';
import type { RowNode, TableSpec } from '../../schema/table/table.ts';
import { validateReport } from '../../schema/validateReport/validateReport.ts';
import type { ResolvedBlock, ResolvedSection, ResolvedTableBlock } from '../resolvedReport/resolvedReport.ts';
import { resolveForms } from './resolveForms.ts';

function load(name: string): Report {
  const result = validateReport(JSON.parse(readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8')));
  if (!result.ok) throw new Error(result.issues.map((i) => formatIssue(i)).join('\n'));
  return result.report;
}

function tables(blocks: readonly ResolvedBlock[]): TableSpec[] {
  return blocks.flatMap((b) => (typeof b !== 'object' ? [] : 'table' in b ? [b.table] : 'heading' in b ? tables(b.content ?? []) : []));
}

function labels(rows: readonly RowNode[]): string[] {
  return rows.flatMap((r) => [r.label ?? '', ...labels(r.children ?? [])]);
}

const base = { meta: { title: '报告', issuer: '某局', year: 2021 } } as const;

describe('resolveForms', () => {
  test('replaces form blocks in sections (recursively) and attachments, with full paths', () => {
    const report: Report = {
      ...base,
      sections: [{ heading: '一', content: [{ heading: '（一）', content: [{ form: 'table4', data: { review: { total: 2 } } }] }] }],
      attachments: [{ label: '附件2', content: ['说明', { form: 'table3', data: { newlyReceived: { naturalPerson: 1 } } }] }],
    };
    const { report: out, issues } = resolveForms(report);
    expect(tables(out.sections)).toHaveLength(1);
    expect(tables(out.attachments![0]!.content)).toHaveLength(1);
    const paths = issues.map((i) => i.pathText);
    expect(paths).toContain('sections[0].content[0].content[0].data.review.total');
    expect(paths).toContain('attachments[0].content[1].data.newlyReceived.naturalPerson');
    const source = (out.sections[0]!.content![0] as ResolvedSection).content![0] as ResolvedTableBlock;
    expect(source.source).toMatchObject({ kind: 'form', form: 'table4' });
    expect(JSON.stringify(out)).not.toContain('"form":"table4","data"');
    expect(report.attachments![0]!.content[1]).toHaveProperty('form', 'table3');
  });

  test('the seed comes out with canonical labels (危及, 行政执法案卷, …) and only its two placeholders', () => {
    const { report, issues } = resolveForms(load('seed-2020-water-bureau.json'));
    const [, table3, table4] = tables(report.attachments![0]!.content);
    const printed = labels(table3!.bands[0]!.rows);
    expect(printed).toContain('3.危及“三安全一稳定”');
    expect(printed).toContain('7.属于行政执法案卷');
    expect(printed).toContain('一、本年新收政府信息公开申请数量');
    expect(printed).toContain('二、上年结转政府信息公开申请数量');
    expect(printed).toContain('2.没有现成信息需要另行制作');
    const generic = tables(load('seed-2020-generic-tables.json').attachments![0]!.content as ResolvedBlock[]);
    const seedLabels = labels(generic[1]!.bands[0]!.rows);
    expect(printed.filter((l) => !seedLabels.includes(l))).toHaveLength(5);
    expect(table4!.bands[0]!.rows).toStrictEqual(generic[2]!.bands[0]!.rows.map(({ values }) => ({ values })));
    expect(issues.map((i) => `${i.code} ${i.pathText}`)).toStrictEqual([
      'template_placeholder attachments[0].content[3].content[0]',
      'template_placeholder attachments[0].content[4].content[0]',
    ]);
  });

  test('the 2021 sample: its deliberate error, its blanks, its annotated cell and footnote', () => {
    const { report, issues } = resolveForms(load('annual-report-2021-sample.json'));
    expect(issues.map((i) => `${i.code} ${i.pathText}`)).toStrictEqual([
      'sum_mismatch sections[2].content[0].data.total.naturalPerson',
      'sum_mismatch sections[2].content[0].data.total.total',
      'column_equation sections[2].content[0].data.newlyReceived.naturalPerson',
      'blank_cell sections[2].content[0].data.withheld.administrativeQuery.researchInstitution',
      'blank_cell sections[2].content[0].data.notProcessed.confirmation.otherOrganization',
      'blank_cell sections[3].content[0].data.litigation.afterReview.pending',
    ]);
    expect(issues[0]?.message.zh).toMatch(/^表三 · （七）总计 × 自然人：填报 12，应为 14 = （一）5 \+ （二）3 \+ /u);
    const [table2, table3] = tables(report.sections);
    expect(table2!.bands[0]!.rows[1]!.values).toStrictEqual([3, 1, '55（含自然失效29件）']);
    expect(table2!.bands[3]!.rows[0]!.values).toStrictEqual(['12.50']);
    expect(table3!.notes?.[0]).toMatch(/^注：/u);
  });

  test('fillTotals through resolveForms', () => {
    const report: Report = { ...base, sections: [{ heading: '四', content: [{ form: 'table4', data: { review: { upheld: 2, corrected: 0, other: 0, pending: 0 } } }] }] };
    const before = resolveForms(report).issues.filter((i) => i.code === 'sum_mismatch');
    const after = resolveForms(report, { fillTotals: true });
    expect(before.map((i) => i.pathText)).toStrictEqual(['sections[0].content[0].data.review.total']);
    expect(after.issues.filter((i) => i.code === 'sum_mismatch')).toStrictEqual([]);
    expect(tables(after.report.sections)[0]!.bands[0]!.rows[0]!.values![4]).toBe(2);
  });

  test("previousYear: this year's 二 against last year's 四", () => {
    const sample = load('annual-report-2021-sample.json');
    // The 2020 seed report, dated as the year before the 2023 sample.
    const lastYear = { ...load('seed-2020-water-bureau.json'), meta: { ...load('seed-2020-water-bureau.json').meta, year: 2022 } };
    const issues = resolveForms(sample, { previousYear: lastYear }).issues.filter((i) => i.code === 'carried_over_mismatch');
    expect(issues.map((i) => i.pathText)).toStrictEqual(['sections[2].content[0].data.carriedOver.naturalPerson', 'sections[2].content[0].data.carriedOver.total']);
    expect(resolveForms(sample, { previousYear: { naturalPerson: 2, total: 2 } }).issues.filter((i) => i.code === 'carried_over_mismatch')).toStrictEqual([]);
    expect(() => resolveForms(sample, { previousYear: 'last year' })).toThrow('options.previousYear');
  });

  test('previousYear: a whole report must be of the year before, or it is a named error', () => {
    const sample = load('annual-report-2021-sample.json');
    const seed = load('seed-2020-water-bureau.json');
    for (const year of [2020, 2023, 2024]) {
      const previousYear = { ...seed, meta: { ...seed.meta, year } };
      expect(() => resolveForms(sample, { previousYear })).toThrow(
        expect.objectContaining({
          code: 'E_INVALID_ARGUMENT',
          bilingual: {
            zh: `参数 \`options.previousYear\` 必须是上一年度（2022 年度）的报告，本报告为 2023 年度，实际为 "a report of year ${year}"`,
            en: `\`options.previousYear\` must be last year's report (year 2022; this report is of 2023), but was actually "a report of year ${year}"`,
          },
        }),
      );
    }
  });

  test("previousYear: a 2021 表二's 现行有效件数 against last year's 现行有效 + this year's 制发 − 废止", () => {
    const sample = load('annual-report-2021-sample.json');
    // The sample (2023): 规章 0 + 0 − 0 = 0; 行政规范性文件 issued 3, repealed 1, in force 55.
    const withInForce = (rules: number | null, normative: number | null): Report => {
      const previous = structuredClone(sample) as unknown as { meta: { year: number }; sections: { content?: { form?: string; data?: { documents?: unknown } }[] }[] };
      previous.meta.year = 2022;
      for (const section of previous.sections) for (const block of section.content ?? []) {
        if (block.form === 'table2') block.data!.documents = { rules: { issued: 0, repealed: 0, inForce: rules }, normativeDocuments: { issued: 0, repealed: 0, inForce: normative } };
      }
      return previous as unknown as Report;
    };
    const inForce = (previousYear: unknown) => resolveForms(sample, { previousYear }).issues.filter((i) => i.code === 'in_force_mismatch');
    expect(inForce(withInForce(0, 53))).toStrictEqual([]);
    const issues = inForce(withInForce(2, 50));
    expect(issues.map((i) => [i.pathText, i.severity])).toStrictEqual([
      ['sections[1].content[0].data.documents.rules.inForce', 'warning'],
      ['sections[1].content[0].data.documents.normativeDocuments.inForce', 'warning'],
    ]);
    expect(issues[1]!.message).toStrictEqual({
      zh: '表二 · 行政规范性文件 × 现行有效件数：填报 55，应为 52 = 上年现行有效 50 + 本年制发 3 − 本年废止 1',
      en: "表二 · 行政规范性文件 × 现行有效件数: given 55, expected 52 = last year's in force 50 + issued 3 − repealed 1",
    });
    // Rows blank last year are not checked; last year's 表二 data works as well as the report.
    expect(inForce(withInForce(null, 50)).map((i) => i.pathText)).toStrictEqual(['sections[1].content[0].data.documents.normativeDocuments.inForce']);
    expect(inForce({ documents: { normativeDocuments: { inForce: 53 } } })).toStrictEqual([]);
    expect(inForce({ documents: { normativeDocuments: { inForce: 40 } } })).toHaveLength(1);
  });

  test('a report mixing versions per table (2021 表二 with the 2019 表三)', () => {
    const report: Report = {
      ...base,
      meta: { ...base.meta, year: 2023 },
      sections: [
        { heading: '二', content: [{ form: 'table2', data: { licensing: { administrativeLicensing: { decisions: 3 } } } }] },
        { heading: '三', content: [{ form: 'table3', version: '2019', data: { otherHandling: { naturalPerson: 0 } } }] },
      ],
    };
    const { report: out, issues } = resolveForms(report);
    expect(issues.filter((i) => i.severity === 'error')).toStrictEqual([]);
    const [table2, table3] = tables(out.sections);
    expect(table2!.bands).toHaveLength(4);
    expect(labels(table3!.bands[0]!.rows)).toContain('（六）其他处理');
  });

  test('placeholders in every kind of text, with paths', () => {
    const report: Report = {
      meta: { title: ['XX县', '2021年报告'], issuer: '某局', year: 2021 },
      intro: ['（文字描述）'],
      sections: [
        { heading: '（此处填写标题）', content: [{ lead: '一是XXX。', text: '正文（待补充）' }, { table: { caption: '（文字描述）', notes: ['注：××'], bands: [{ columns: ['a'], rows: [{ label: 'r', values: [1] }] }] } }] },
        { heading: '表', content: [{ form: 'table4', caption: 'XX表', notes: ['注：（文字描述）'], data: {} }] },
      ],
      attachments: [{ label: '附件2', title: '（文字描述）', content: [] }],
    };
    const found = resolveForms(report).issues.filter((i) => i.code === 'template_placeholder').map((i) => i.pathText);
    expect(found).toStrictEqual([
      'meta.title[0]', 'intro[0]', 'sections[0].heading', 'sections[0].content[0].lead', 'sections[0].content[0].text',
      'sections[0].content[1].table.caption', 'sections[0].content[1].table.notes[0]',
      'sections[1].content[0].caption', 'sections[1].content[0].notes[0]', 'attachments[0].title',
    ]);
  });
});
