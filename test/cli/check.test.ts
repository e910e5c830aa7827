import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { loadLibraryApi } from '../../src/cli/api.ts';
import { checkReport } from '../../src/cli/checkReport.ts';
import { runCli } from '../../src/cli/runCli.ts';
import { createFakeApi, createFakeIo, issue, REPORT_JSON } from './_fakes.ts';

const ERROR = issue('error', ['sections', 0, 'heading'], '标题不能为空', 'heading must not be empty');
const WARNING = issue('warning', ['attachments', 0, 'content', 1], '上年结转数与上年报告不一致', "carried-forward count differs from last year's report");

function setup(resolveIssues: ReturnType<typeof issue>[] = []) {
  const io = createFakeIo({ 'report.json': REPORT_JSON, 'last.json': '{"meta":{"year":2023}}' });
  const api = createFakeApi({ planIssues: async () => resolveIssues });
  return { io, api, planIssues: api.planIssues };
}

describe('check', () => {
  test('a clean report: summary line, exit 0', async () => {
    const { io, api } = setup();
    expect(await runCli(['check', 'report.json'], io, api)).toBe(0);
    expect(io.out).toEqual(['✓ report.json：未发现问题 / report.json: no problems found']);
    expect(api.renderReport).not.toHaveBeenCalled();
  });

  test('validation errors: one line per problem with its path, exit 1', async () => {
    const { io, api } = setup([ERROR]);
    expect(await runCli(['check', 'report.json', '--lang', 'zh'], io, api)).toBe(1);
    expect(io.out).toEqual(['× sections[0].heading: 标题不能为空', '× report.json：1 个错误，0 条警告']);
  });

  test('warnings only: exit 0, or 1 under --strict', async () => {
    for (const [flags, code, summary] of [
      [[], 0, '! report.json: 0 errors, 1 warning'],
      [['--strict'], 1, '× report.json: 0 errors, 1 warning (strict mode: warnings fail)'],
    ] as const) {
      const { io, api } = setup([WARNING]);
      expect(await runCli(['check', 'report.json', '--lang', 'en', ...flags], io, api)).toBe(code);
      expect(io.out).toEqual([`! attachments[0].content[1]: carried-forward count differs from last year's report`, summary]);
    }
  });

  test('passes --fill-totals and --previous to the form checks', async () => {
    const { io, api, planIssues } = setup();
    expect(await runCli(['check', 'report.json', '--fill-totals', '--previous', 'last.json'], io, api)).toBe(0);
    expect(planIssues).toHaveBeenCalledWith(REPORT_JSON, { fillTotals: true, previousYear: { meta: { year: 2023 } } });
  });

  test('invalid JSON: exit 1 with line and column', async () => {
    const io = createFakeIo({ 'report.json': '{"meta": {"title": "x"，"year": 2024}}' });
    expect(await runCli(['check', 'report.json', '--lang', 'en'], io, createFakeApi())).toBe(1);
    expect(io.err[0]).toBe(
      `× report.json line 1, column 23: invalid JSON, expected ',' or '}' but found "，"; JSON punctuation must be half-width, like , : " { } (E_INVALID_JSON)`,
    );
  });
});

describe('checkReport', () => {
  test('with the real library, an invalid report returns the validation issues', async () => {
    const issues = await checkReport(JSON.stringify({ meta: { title: '报告', issuer: '机关', year: 2021 }, sections: [{ heading: '' }] }), {}, await loadLibraryApi());
    expect(issues.map((found) => [found.code, found.severity, found.pathText])).toEqual([['not_blank', 'error', 'sections[0].heading']]);
  });

  test('returns the render checks of a valid report, with fillTotals defaulting to false', async () => {
    const api = createFakeApi({ planIssues: async () => [WARNING] });
    expect(await checkReport({ a: 1 }, {}, api)).toEqual([WARNING]);
    expect(api.planIssues).toHaveBeenCalledWith({ a: 1 }, { fillTotals: false });
  });

  test('with the real library, a character the fonts cannot draw is reported', async () => {
    const input = { meta: { title: '报告', issuer: '机关', year: 2021 }, sections: [{ heading: '一', content: ['生僻字𠮷。'] }] };
    const issues = await checkReport(input, {}, await loadLibraryApi());
    expect(issues.map((found) => [found.code, found.pathText])).toEqual([['missing_glyph', 'sections[0].content[0]']]);
  });

  test('with the real library, the seed example has no errors', async () => {
    const seed = JSON.parse(await readFile(new URL('../../examples/seed-2020-generic-tables.json', import.meta.url), 'utf8')) as unknown;
    const issues = await checkReport(seed, {}, await loadLibraryApi());
    expect(issues.filter((found) => found.severity === 'error')).toEqual([]);
  });
});
