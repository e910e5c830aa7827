import { checkReport } from '../checkReport.ts';
import { defineCommand } from '../defineCommand.ts';
import { EXIT_CODES } from '../errors.ts';
import { _readJsonFile } from '../_readJsonFile.ts';
import { _issueLine, _say } from '../_text.ts';
import { _fillTotalsArg, _langArg, _previousArg, _reportArg, _strictArg } from './_sharedArgs.ts';

/** `check <report.json>`: lists every problem of a report, one per line, without rendering. */
export const check = defineCommand({
  name: 'check',
  description: { zh: '检查报告数据（不生成 PDF）', en: 'check a report without rendering it' },
  args: {
    report: _reportArg,
    strict: _strictArg,
    fillTotals: _fillTotalsArg,
    previous: _previousArg,
    lang: _langArg,
  },
  examples: ['check report.json', 'check report.json --strict --previous report-2023.json'],
  async run({ args, io, api }) {
    const lang = args.lang ?? 'both';
    const input = await _readJsonFile(io, args.report);
    const previousYear = args.previous === undefined ? undefined : await _readJsonFile(io, args.previous);
    const issues = await checkReport(input, { fillTotals: args.fillTotals, previousYear }, await api());
    for (const issue of issues) io.stdout(_issueLine(issue, lang));
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    const warnings = issues.length - errors;
    const failed = errors > 0 || (args.strict && warnings > 0);
    io.stdout(`${errors + warnings === 0 ? '✓' : failed ? '×' : '!'} ${_say(summary(args.report, errors, warnings, failed), lang)}`);
    return failed ? EXIT_CODES.refused : EXIT_CODES.ok;
  },
});

function summary(path: string, errors: number, warnings: number, failed: boolean) {
  if (errors + warnings === 0) return { zh: `${path}：未发现问题`, en: `${path}: no problems found` };
  const strictNote = failed && errors === 0 ? { zh: '（严格模式：警告视为失败）', en: ' (strict mode: warnings fail)' } : { zh: '', en: '' };
  return {
    zh: `${path}：${errors} 个错误，${warnings} 条警告${strictNote.zh}`,
    en: `${path}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${strictNote.en}`,
  };
}
