/**
 * Visual regression: every example report (`examples/*.json`) in its own layout, rendered with a
 * fixed creation date and compared page by page with `golden/<example>/`.
 * `GOLDEN_UPDATE=1` writes the goldens instead (see test/README.md).
 */
import { describe, expect, test } from 'vitest';
import { listExamples } from '../helpers/renderReport.ts';
import { checkVisualCase } from '../helpers/visualCase.ts';

const examples = listExamples();

test('should find example reports in examples/', () => {
  expect(examples.map((example) => example.name)).not.toStrictEqual([]);
});

describe('examples in their own layout', () => {
  test.each(examples.map((example) => [example.name, example] as const))('%s', async (name, example) => {
    await checkVisualCase(name, example);
  });
});
