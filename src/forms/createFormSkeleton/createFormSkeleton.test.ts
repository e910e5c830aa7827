import { describe, expect, test } from 'vitest';
import { InvalidArgumentError } from '../../errors/errors.ts';
import type { FormVersion } from '../../schema/forms/forms.ts';
import { validateReport } from '../../schema/validateReport/validateReport.ts';
import { listFormCells } from '../formTemplate/formTemplate.ts';
import { FORM_TEMPLATES } from '../formTemplates/formTemplates.ts';
import { readFormCell } from '../formCell/formCell.ts';
import { resolveForms } from '../resolveForms/resolveForms.ts';
import { createFormSkeleton, PROSE_PLACEHOLDER } from './createFormSkeleton.ts';

/** Every path to a `null` in a JSON value. */
function nullPaths(value: unknown, path: string[] = []): string[] {
  if (value === null) return [path.join('.')];
  if (typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => nullPaths(v, [...path, k]));
}

describe.each(['2019', '2021'] as FormVersion[])('createFormSkeleton %s', (version) => {
  const skeleton = createFormSkeleton(version, 2025);

  test('the six official sections, the form and the year', () => {
    expect(skeleton.form).toBe(version);
    expect(skeleton.meta).toStrictEqual({ title: 'XXX2025年政府信息公开工作年度报告', issuer: 'XXX', year: 2025 });
    expect((skeleton.sections as { heading: string }[]).map((s) => s.heading)).toStrictEqual([
      '总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项',
    ]);
    expect((skeleton.sections as { content: unknown[] }[])[0]?.content).toStrictEqual([PROSE_PLACEHOLDER]);
  });

  test('every key of the form, set to null', () => {
    const sections = skeleton.sections as { content: { form?: 'table2' | 'table3' | 'table4'; data?: unknown }[] }[];
    for (const block of sections.flatMap((s) => s.content).filter((b) => typeof b === 'object')) {
      const cells = listFormCells(FORM_TEMPLATES[block.form!][version]);
      expect(nullPaths(block.data)).toStrictEqual(cells.map((c) => c.path.join('.')));
      expect(cells.every((c) => readFormCell(block.data, c.path) === null)).toBe(true);
    }
  });

  test('validates, and resolves with warnings only (placeholders, blank tables)', () => {
    const result = validateReport(skeleton);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const issues = resolveForms(result.report).issues;
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(new Set(issues.map((i) => i.code))).toStrictEqual(new Set(['template_placeholder', 'blank_table']));
  });
});

describe('createFormSkeleton guards', () => {
  test('rejects unknown versions and years out of range', () => {
    expect(() => createFormSkeleton('2020' as FormVersion, 2025)).toThrow(InvalidArgumentError);
    expect(() => createFormSkeleton('2021', 2025.5)).toThrow(InvalidArgumentError);
    expect(() => createFormSkeleton('2021', 1800)).toThrow('`year` must be an integer from 1990 to 2200');
  });
});
