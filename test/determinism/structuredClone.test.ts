/**
 * Facts travel between stages as data: a `structuredClone` of any intermediate value (the
 * validated report, the resolved report, and every layout step's result) gives the same plan and
 * the same issue paths. (A fact kept in a WeakSet/WeakMap keyed by object identity would be lost
 * by the clone and change a path or a page.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { resolveForms } from '../../src/forms/resolveForms/resolveForms.ts';
import { collectBlocks } from '../../src/layout/flow/collectBlocks.ts';
import { setBlocks } from '../../src/layout/flow/setBlocks.ts';
import { addFolios } from '../../src/layout/folio/addFolios.ts';
import { layoutReport } from '../../src/layout/layoutReport.ts';
import { paginate } from '../../src/layout/paginate/paginate.ts';
import { paintPages } from '../../src/layout/paint/paintPages.ts';
import { resolvePreset } from '../../src/render/presets/resolvePreset.ts';
import { validateReport } from '../../src/schema/validateReport/validateReport.ts';
import { createFixedMeasurer } from '../../src/text/measure/measure.ts';
import { listExamples } from '../helpers/renderReport.ts';

// 㐀 is missing from the fake fonts: every text that holds it warns at its path.
const measurer = createFixedMeasurer('㐀');
const MISSING = '㐀';

const probe = {
  meta: { title: '测试报告', issuer: '测试机关', year: 2023 },
  form: '2021',
  sections: [
    {
      heading: '统计',
      content: [
        `正文${MISSING}`,
        { table: { caption: '表1 简写', corner: '项目', columns: ['本年', '上年'], rows: [{ label: `甲${MISSING}`, values: [1, `2${MISSING}`] }] } },
        { table: { bands: [{ corner: '项目', columns: ['数量'], rows: [{ label: '乙', values: [`3${MISSING}`] }] }] } },
        { form: 'table2', data: { documents: { normativeDocuments: { issued: 3, repealed: 1, inForce: { value: 55, note: `含${MISSING}29件` } } } } },
      ],
    },
  ],
};

const cases = [
  { name: 'probe', input: probe as unknown },
  ...listExamples().map((example) => ({ name: example.name, input: JSON.parse(readFileSync(example.path, 'utf8')) as unknown })),
];

function validated(input: unknown) {
  const result = validateReport(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.report;
}

describe('structuredClone of every intermediate value changes nothing', () => {
  test.each(cases)('$name', ({ name, input }) => {
    const report = validated(input);
    const preset = resolvePreset(report.layout ?? 'gbt9704');
    const context = { preset, measurer };
    const direct = resolveForms(report);
    const plan = layoutReport(direct.report, context);
    const issues = [...direct.issues, ...plan.warnings].map((issue) => `${issue.code} ${issue.pathText}`);

    const cloned = resolveForms(structuredClone(report));
    const resolved = structuredClone(cloned.report);
    const blocks = structuredClone(collectBlocks(resolved, preset));
    const set = structuredClone(setBlocks(blocks, context));
    const pagination = structuredClone(paginate(set.items, context));
    const painted = structuredClone(paintPages(pagination, context));
    const pages = addFolios(painted, context);
    const clonedPlan = layoutReport(resolved, context);
    expect(pages).toStrictEqual(plan.pages);
    expect(clonedPlan).toStrictEqual(plan);
    expect([...cloned.issues, ...clonedPlan.warnings].map((issue) => `${issue.code} ${issue.pathText}`)).toStrictEqual(issues);
    if (name === 'probe') {
      // The paths name what the caller wrote: shorthand without bands[0], header trees with it, a form value under data.
      expect(issues).toEqual(expect.arrayContaining([
        'missing_glyph sections[0].content[0]',
        'missing_glyph sections[0].content[1].table.rows[0].label',
        'missing_glyph sections[0].content[1].table.rows[0].values[1]',
        'missing_glyph sections[0].content[2].table.bands[0].rows[0].values[0]',
        'missing_glyph sections[0].content[3].data.documents.normativeDocuments.inForce',
      ]));
    }
  });
});
