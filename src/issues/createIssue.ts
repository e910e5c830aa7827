import { formatPath } from './formatPath.ts';
import type { BilingualText, IssuePath, IssueSeverity, ReportIssue } from './issue.ts';

/**
 * Builds a {@link ReportIssue}, filling in the printed path.
 *
 * @param code Stable rule name.
 * @param severity `error` or `warning`.
 * @param path Where the problem is.
 * @param message What is wrong, in both languages.
 * @param expected What would be valid, if it can be said briefly.
 * @returns The issue.
 */
export function createIssue(
  code: string,
  severity: IssueSeverity,
  path: IssuePath,
  message: BilingualText,
  expected?: string,
): ReportIssue {
  const issue: ReportIssue = { code, severity, path: [...path], pathText: formatPath(path), message };
  return expected === undefined ? issue : { ...issue, expected };
}

/**
 * Formats an issue as one line: `path: 中文 / English`, or only one language.
 *
 * @param issue The issue.
 * @param lang `zh`, `en`, or `both` (the default).
 * @returns One line of text.
 */
export function formatIssue(issue: ReportIssue, lang: 'zh' | 'en' | 'both' = 'both'): string {
  const text =
    lang === 'zh' ? issue.message.zh : lang === 'en' ? issue.message.en : `${issue.message.zh} / ${issue.message.en}`;
  return `${issue.pathText}: ${text}`;
}
