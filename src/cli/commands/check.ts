import { checkReport } from '../checkReport.ts';
import { defineCommand } from '../defineCommand.ts';
import { EXIT_CODES } from '../errors.ts';
import { _describeError } from '../_describeError.ts';
import { _jsonFailure } from '../_jsonOutcome.ts';
import type { ReportIssue } from '../../issues/issue.ts';
import { _inputName, _isInvalidJson, _jsonSyntaxError, _readInputText, _readJsonFile } from '../_readJsonFile.ts';
import { _issueLine, _say } from '../_text.ts';
import { _fillTotalsArg, _jsonArg, _langArg, _previousArg, _reportArg, _strictArg } from './_sharedArgs.ts';

/** `check <report.json|->`: lists every problem of a report, one per line (or as JSON), without rendering. */
export const check = defineCommand({
  name: 'check',
  description: { zh: '检查报告数据（不生成 PDF）', en: 'check a report without rendering it' },
  args: {
    report: _reportArg,
    strict: _strictArg,
    fillTotals: _fillTotalsArg,
    previous: _previousArg,
    lang: _langArg,
    json: _jsonArg,
  },
  examples: ['check report.json', 'check report.json --strict --previous report-2023.json', 'check - --json < report.json'],
  async run({ args, io, api }) {
    const lang = args.lang ?? 'both';
    const name = _inputName(args.report);
    let issues: readonly ReportIssue[];
    try {
      const text = await _readInputText(io, args.report);
      const previousYear = args.previous === undefined ? undefined : await _readJsonFile(io, args.previous);
      issues = await checkReport(text, { fillTotals: args.fillTotals, previousYear }, await api());
      if (_isInvalidJson(issues)) throw _jsonSyntaxError(text.replace(/^\uFEFF/u, ''), name);
    } catch (error) {
      if (!args.json) throw error;
      io.stdout(JSON.stringify(_jsonFailure(error)));
      return _describeError(error, lang, false).exitCode;
    }
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    const warnings = issues.length - errors;
    const failed = errors > 0 || (args.strict && warnings > 0);
    if (args.json) io.stdout(JSON.stringify({ ok: !failed, errors, warnings, issues }));
    else {
      for (const issue of issues) io.stdout(_issueLine(issue, lang));
      io.stdout(`${errors + warnings === 0 ? '✓' : failed ? '×' : '!'} ${_say(summary(name, errors, warnings, failed), lang)}`);
    }
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
