import type { BilingualText, IssuePathSegment } from '../../issues/issue.ts';

const ROLE_NAMES: Record<string, BilingualText> = {
  paragraph: { zh: '段落', en: 'paragraph' },
  lead: { zh: '段首引语', en: 'lead phrase' },
  heading: { zh: '标题', en: 'heading' },
  title: { zh: '报告标题', en: 'title' },
  issuer: { zh: '发文机关', en: 'issuing body' },
  label: { zh: '标签', en: 'label' },
  caption: { zh: '表题', en: 'caption' },
  note: { zh: '注释', en: 'note' },
  cell: { zh: '单元格', en: 'cell' },
  subject: { zh: '主题', en: 'subject' },
  keyword: { zh: '关键词', en: 'keyword' },
  date: { zh: '日期', en: 'date' },
  watermark: { zh: '水印', en: 'watermark' },
};

/**
 * What a value is called in messages (段落 / paragraph, 标题 / heading…), from the refinement's
 * `role` or the last key of its path.
 *
 * @param path Where the value is.
 * @param params The refinement's params, if any.
 * @returns The name in both languages.
 * @internal
 */
export function roleOf(path: readonly IssuePathSegment[], params: { role?: string } | undefined): BilingualText {
  if (params?.role !== undefined && ROLE_NAMES[params.role]) return ROLE_NAMES[params.role]!;
  const last = [...path].reverse().find((segment) => typeof segment === 'string');
  if (last === 'content' || last === 'intro' || last === 'text') return ROLE_NAMES.paragraph!;
  return ROLE_NAMES[String(last)] ?? { zh: '此项', en: 'this value' };
}

