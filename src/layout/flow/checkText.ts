import { createIssue } from '../../issues/createIssue.ts';
import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import { cleanText, codePointLabel } from '../../text/cleanText/cleanText.ts';
import type { FaceKey, TextMeasurer } from '../../text/measure/measure.ts';

/**
 * Prepares a text for printing: removes invisible characters and reports them, and reports
 * characters the face cannot draw (they would print blank), each with the text's path.
 *
 * @param text The text from the report.
 * @param face The face it is printed in.
 * @param path Its JSON path.
 * @param measurer Font metrics.
 * @param warnings Where the warnings go.
 * @returns The text without invisible characters.
 */
export function checkText(text: string, face: FaceKey, path: IssuePath, measurer: TextMeasurer, warnings: ReportIssue[]): string {
  const { text: cleaned, removed } = cleanText(text);
  if (removed.length > 0) {
    warnings.push(createIssue('invisible_character_removed', 'warning', path, {
      zh: `已删除不可见字符 ${removed.join('、')}`,
      en: `removed invisible character(s) ${removed.join(', ')}`,
    }));
  }
  const metrics = measurer.face(face);
  const missing = new Set<string>();
  for (const char of cleaned) {
    const codePoint = char.codePointAt(0)!;
    if (char !== '\n' && char !== ' ' && !metrics.hasGlyph(codePoint)) missing.add(`${char}（${codePointLabel(codePoint)}）`);
  }
  if (missing.size > 0) {
    const list = [...missing].join('、');
    warnings.push(createIssue('missing_glyph', 'warning', path, {
      zh: `字体缺少字符 ${list}，这些字符将无法显示；请注册包含这些字符的字体`,
      en: `the font has no glyph for ${list.replace(/（/gu, ' (').replace(/）/gu, ')')}; they would print blank — register a font that has them`,
    }));
  }
  return cleaned;
}
