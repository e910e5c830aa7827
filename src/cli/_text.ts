import { formatIssue } from '../issues/createIssue.ts';
import type { BilingualText, ReportIssue } from '../issues/issue.ts';

/** @internal Which language the CLI prints: one of them, or both (`中文 / English`, the default). */
export type _Lang = 'zh' | 'en' | 'both';

/**
 * @internal Picks the text in the chosen language.
 *
 * @param text The text in both languages.
 * @param lang The language.
 * @returns `中文 / English`, or one of them.
 */
export function _say(text: BilingualText, lang: _Lang): string {
  return lang === 'both' ? `${text.zh} / ${text.en}` : text[lang];
}

/**
 * @internal One line per issue: a mark (`×` error, `!` warning) and `path: message`.
 *
 * @param issue The issue.
 * @param lang The language.
 * @returns The line.
 */
export function _issueLine(issue: ReportIssue, lang: _Lang): string {
  return `${issue.severity === 'error' ? '×' : '!'} ${formatIssue(issue, lang)}`;
}
