import { createIssue } from '../../issues/createIssue.ts';
import type { IssuePath, ReportIssue } from '../../issues/issue.ts';

/**
 * Placeholders that the official template and common drafts leave where prose belongs:
 * `（文字描述）`, `（此处填写…）` / `（请填写…）` / `（待补充）`, and runs of `X` / `×` standing for a
 * name or number (`XXX局`, `20XX年`).
 */
export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /[（(]\s*文字描述\s*[）)]/gu,
  /[（(]\s*此处[^（）()]{0,40}[）)]/gu,
  /[（(]\s*(?:请|待)(?:填写|填入|输入|补充|描述)[^（）()]{0,40}[）)]/gu,
  /(?<![A-Za-z])(?:[XxＸｘ]{2,}|×{2,})(?![A-Za-z])/gu,
];

/**
 * Finds template placeholders in one piece of text.
 *
 * @param text The text.
 * @returns The placeholders found, in order, without repeats.
 */
export function findPlaceholdersInText(text: string): string[] {
  const found = PLACEHOLDER_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ at: m.index, text: m[0] })));
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.text))];
}

/**
 * Reports template placeholders left in a piece of text as one warning at its path.
 *
 * @param text The text (a paragraph, heading, caption, note or title).
 * @param path Where the text is, from the report's root.
 * @returns One warning, or none.
 */
export function findPlaceholders(text: string, path: IssuePath): ReportIssue[] {
  const found = findPlaceholdersInText(text);
  if (found.length === 0) return [];
  const zh = found.map((f) => `“${f}”`).join('、');
  const en = found.map((f) => `"${f}"`).join(', ');
  return [
    createIssue('template_placeholder', 'warning', path, {
      zh: `文中留有模板占位符 ${zh}，请替换为实际内容`,
      en: `template placeholder ${en} left in the text; replace it with the report's own words`,
    }, 'text without template placeholders'),
  ];
}
