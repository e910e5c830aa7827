import { createIssue } from '../../issues/createIssue.ts';
import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import { cellKey, listFormCells, type FormTemplate } from '../formTemplate/formTemplate.ts';
import type { FormVersionChoice } from '../resolveFormVersion/resolveFormVersion.ts';

const SOURCE_TEXT = {
  block: { zh: '由本表的 version 指定', en: "set by the block's version" },
  report: { zh: '由报告的 form 指定', en: "set by the report's form" },
  year: { zh: '由报告年度 meta.year 确定', en: 'from meta.year' },
} as const;

function prefixes(template: FormTemplate): Set<string> {
  const set = new Set<string>();
  for (const cell of listFormCells(template)) {
    for (let i = 1; i <= cell.path.length; i++) set.add(cellKey(cell.path.slice(0, i)));
  }
  return set;
}

/**
 * Reports every key of a form block's `data` that the version in use does not have — typically a
 * key of the other version (the schema accepts both) — as an error at that key's path. Only the
 * outermost wrong key of a branch is reported.
 *
 * @param template The template of the version in use.
 * @param other The template of the other version (to say where the key belongs).
 * @param data The block's `data`.
 * @param prefix Path from the report's root to `data`.
 * @param choice The version in use and where it came from.
 * @returns One error per wrong key.
 */
export function checkFormKeys(template: FormTemplate, other: FormTemplate, data: unknown, prefix: IssuePath, choice: FormVersionChoice): ReportIssue[] {
  const valid = prefixes(template);
  const leaves = new Set(listFormCells(template).map((cell) => cellKey(cell.path)));
  const elsewhere = prefixes(other);
  const issues: ReportIssue[] = [];
  const visit = (value: unknown, path: readonly string[]): void => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const here = [...path, key];
      if (valid.has(cellKey(here))) {
        if (!leaves.has(cellKey(here))) visit(child, here);
        continue;
      }
      const belongs = elsewhere.has(cellKey(here));
      const source = SOURCE_TEXT[choice.source];
      const v = template.version;
      issues.push(
        createIssue('form_key_version', 'error', [...prefix, ...here], {
          zh: `${template.name}（${v} 版，${source.zh}）没有字段“${key}”${belongs ? `，它属于 ${other.version} 版；请改用 ${v} 版的字段，或为本表写明 "version": "${other.version}"` : ''}`,
          en: `${template.name} in the ${v} form (${source.en}) has no key "${key}"${belongs ? `; it belongs to the ${other.version} form: use the ${v} keys, or set "version": "${other.version}" on this table` : ''}`,
        }, `a key of the ${v} form`),
      );
    }
  };
  visit(data, []);
  return issues;
}
