/**
 * Visual regression of the pagination rules: each report in test/visual/cases/ is built so that a
 * heading, a paragraph's first or last line, or a table row falls exactly on a page break
 * (every CJK character of the body face is 1 em, so line counts are exact). Compared with
 * `golden/<case>/`; the rules themselves are asserted in src/layout/paginate/paginate.test.ts (hand-written items)
 * and src/layout/layoutReport.test.ts (whole pipeline, fixed-width measurer).
 */
import { describe, expect, test } from 'vitest';
import { listBoundaryCases } from '../helpers/renderReport.ts';
import { checkVisualCase } from '../helpers/visualCase.ts';

const cases = listBoundaryCases();

test('should find the boundary cases (test/visual/cases/*.json)', () => {
  expect(cases.map((c) => c.name)).toEqual([
    'boundary-heading-at-page-end',
    'boundary-landscape-draft',
    'boundary-long-table',
    'boundary-orphan-and-widow',
    'print-annotated-cell',
    'print-email-url',
    'print-punctuation',
    'print-signature-page',
    'print-table-tightened',
    'print-title-words',
  ]);
});

describe('boundary cases', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (name, example) => {
    await checkVisualCase(name, example);
  });
});
