import { describe, expect, test } from 'vitest';
import { validateReport } from '../validateReport/validateReport.ts';
import { DEFAULT_LIMITS } from './limits.ts';

/** A report whose one attachment holds `table`, with text enough to pass a 150-character budget there. */
function reportWith(table: object): object {
  return {
    meta: { title: ['政府信息公开工作年度报告'], issuer: '某区水务局', year: 2020 },
    sections: [{ heading: '总体情况', content: ['主动公开政府信息。'] }],
    attachments: [{ label: '附件1', title: '统计表', content: [{ table }] }],
  };
}

const rows = Array.from({ length: 20 }, (_, i) => ({ label: `第${i + 1}项统计内容`, values: [i] }));

/** Follows a path into a value; `undefined` when the path leaves it. */
function at(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[key] : undefined), value);
}

describe('measureWork, through validateReport', () => {
  test('a budget passed inside a table given inline (no `bands`) is reported at a path of the input', () => {
    const input = reportWith({ caption: '表一', columns: ['件数'], rows });
    const result = validateReport(input, { maxTotalTextLength: 150 });
    expect(result.ok).toBe(false);
    const issue = result.issues.find((candidate) => candidate.code === 'limit');
    expect(issue?.path.slice(0, 6)).toEqual(['attachments', 0, 'content', 0, 'table', 'rows']);
    expect(at(input, issue!.path)).toBeTypeOf('string');
  });

  test('a budget passed inside a table with bands is reported under its band', () => {
    const input = reportWith({ caption: '表一', bands: [{ columns: ['件数'], rows }] });
    const result = validateReport(input, { maxTotalTextLength: 150 });
    const issue = result.issues.find((candidate) => candidate.code === 'limit');
    expect(issue?.path.slice(0, 8)).toEqual(['attachments', 0, 'content', 0, 'table', 'bands', 0, 'rows']);
    expect(at(input, issue!.path)).toBeTypeOf('string');
  });

  test('both tables are valid within the default budgets', () => {
    expect(validateReport(reportWith({ caption: '表一', columns: ['件数'], rows }), DEFAULT_LIMITS).ok).toBe(true);
  });
});
