/**
 * Visual regression: every seed example (`examples/seed-*.json`) in every layout preset
 * (`layouts/*.json`; `gbt9704` and `compact` are required), compared with
 * `golden/<example>--<preset>/`, except the example's own layout, which examples.test.ts covers
 * (the same pages twice would only double the goldens). A separate file so the two run in parallel.
 */
import { describe, expect, test } from 'vitest';
import { listPresets, listSeedExamples, readExample, REQUIRED_PRESETS } from '../helpers/renderReport.ts';
import { checkVisualCase } from '../helpers/visualCase.ts';
import { LAYOUT_PRESET_NAMES } from '../../src/schema/layoutPreset/layoutPreset.ts';

const seeds = listSeedExamples();
const presets = [...new Set([...REQUIRED_PRESETS, ...listPresets()])].sort();

test('should find seed examples (examples/seed-*.json)', () => {
  expect(seeds.map((example) => example.name)).not.toStrictEqual([]);
});

test('should type exactly the presets in layouts/ as LayoutPresetName (LAYOUT_PRESET_NAMES)', () => {
  expect([...LAYOUT_PRESET_NAMES].sort()).toStrictEqual(listPresets().sort());
});

test.each(REQUIRED_PRESETS)('should find the layout preset layouts/%s.json', (preset) => {
  expect(listPresets()).toContain(preset);
});

describe('seed examples in each layout preset', () => {
  const ownLayout = (example: (typeof seeds)[number]) => (readExample(example) as { layout?: string }).layout ?? 'gbt9704';
  const cases = seeds.flatMap((example) =>
    presets.filter((preset) => preset !== ownLayout(example)).map((preset) => [`${example.name}--${preset}`, example, preset] as const),
  );
  test.each(cases)('%s', async (caseName, example, preset) => {
    await checkVisualCase(caseName, example, preset);
  });
});
