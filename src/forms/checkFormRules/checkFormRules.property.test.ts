import * as fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ReportIssue } from '../../issues/issue.ts';
import type { FormCellValue } from '../formCell/formCell.ts';
import { formRules } from '../formRules/formRules.ts';
import { cellKey, listFormCells, type FormCellRef, type FormTemplate } from '../formTemplate/formTemplate.ts';
import { TABLE3_TEMPLATES } from '../table3/table3.ts';
import { TABLE4_TEMPLATES } from '../table4/table4.ts';
import { checkFormRules } from './checkFormRules.ts';

const PARTS = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'socialWelfareOrganization', 'legalServiceAgency', 'otherOrganization'];
const NOT_RESULTS = ['newlyReceived', 'carriedOver', 'total', 'carriedForward'];

/** A value, sometimes written as an annotated count. */
const value = (n: number, annotate: boolean): FormCellValue => (annotate ? { value: n, note: `含${n}件` } : n);

/** Random consistent 表三 of one version: results and 四 at random, then 二 ≤ （七）+ 四, 一 and every total by the rules. */
function consistentTable3(template: FormTemplate) {
  const rows = [...new Set(listFormCells(template).map((c) => cellKey(c.rowPath)))];
  const results = rows.filter((r) => !NOT_RESULTS.includes(r));
  const column = fc.record({
    results: fc.array(fc.nat(30), { minLength: results.length, maxLength: results.length }),
    carriedForward: fc.nat(30),
    carriedOverShare: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  return fc.tuple(fc.array(column, { minLength: 6, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 200, maxLength: 200 })).map(([columns, annotate]) => {
    const counts = new Map<string, number>();
    columns.forEach((col, c) => {
      const key = PARTS[c]!;
      results.forEach((row, r) => counts.set(`${row}.${key}`, col.results[r]!));
      const seventh = col.results.reduce((a, b) => a + b, 0);
      const carriedOver = Math.floor(col.carriedOverShare * (seventh + col.carriedForward));
      counts.set(`total.${key}`, seventh);
      counts.set(`carriedForward.${key}`, col.carriedForward);
      counts.set(`carriedOver.${key}`, carriedOver);
      counts.set(`newlyReceived.${key}`, seventh + col.carriedForward - carriedOver);
    });
    for (const row of rows) counts.set(`${row}.total`, PARTS.reduce((sum, p) => sum + counts.get(`${row}.${p}`)!, 0));
    return new Map([...counts].map(([k, n], i): [string, FormCellValue] => [k, value(n, annotate[i] === true)]));
  });
}

/** Random consistent 表四. */
const consistentTable4 = fc.array(fc.array(fc.nat(20), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }).map((groups) => {
  const grid = new Map<string, FormCellValue>();
  ['review', 'litigation.direct', 'litigation.afterReview'].forEach((group, g) => {
    const parts = groups[g]!;
    ['upheld', 'corrected', 'other', 'pending'].forEach((o, i) => grid.set(`${group}.${o}`, parts[i]!));
    grid.set(`${group}.total`, parts.reduce((a, b) => a + b, 0));
  });
  return grid;
});

const run = (template: FormTemplate, grid: Map<string, FormCellValue>) => checkFormRules(template, formRules(template), grid, ['data']).issues;

/** Whether an issue names the changed cell's row or column (for 表四, which has no row header: its column group). */
function names(issue: ReportIssue, cell: FormCellRef, template: FormTemplate): boolean {
  const zh = issue.message.zh;
  if (cell.row === '') return zh.startsWith(`${template.name} · ${cell.column.split(' › ').slice(0, -1).join(' › ')} › `);
  return zh.startsWith(`${template.name} · ${cell.row} × `) || zh.includes(` × ${cell.column}：`) || zh.startsWith(`${template.name} · ${cell.column}列`);
}

const cases = [
  { name: '表三 2019', template: TABLE3_TEMPLATES['2019'], tables: consistentTable3(TABLE3_TEMPLATES['2019']) },
  { name: '表三 2021', template: TABLE3_TEMPLATES['2021'], tables: consistentTable3(TABLE3_TEMPLATES['2021']) },
  { name: '表四', template: TABLE4_TEMPLATES['2021'], tables: consistentTable4 },
];

describe.each(cases)('$name', ({ template, tables }) => {
  const cells = listFormCells(template);

  test('random consistent tables produce no arithmetic issues', () => {
    fc.assert(
      fc.property(tables, (grid) => {
        expect(run(template, grid)).toStrictEqual([]);
      }),
    );
  });

  test('changing any single cell produces a problem naming its row or column', () => {
    const change = fc.record({ index: fc.nat(cells.length - 1), delta: fc.integer({ min: -30, max: 30 }).filter((d) => d !== 0) });
    fc.assert(
      fc.property(tables, change, (grid, { index, delta }) => {
        const cell = cells[index]!;
        const before = grid.get(cellKey(cell.path));
        const old = typeof before === 'number' ? before : before !== null && typeof before === 'object' ? before.value : 0;
        const next = old + delta < 0 ? old - delta : old + delta;
        const issues = run(template, new Map(grid).set(cellKey(cell.path), next));
        expect(issues.length).toBeGreaterThan(0);
        expect(issues.some((issue) => names(issue, cell, template)), JSON.stringify({ cell: cell.path, issues: issues.map((i) => i.message.zh) })).toBe(true);
      }),
    );
  });
});
