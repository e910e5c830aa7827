/**
 * One visual case: render an example with `renderReport` (fixed creation date, optional preset)
 * and compare its pages with `golden/<case>/`.
 *
 * @module
 */
import { expect } from 'vitest';
import type { LayoutPresetName } from '../../src/schema/layoutPreset/layoutPreset.ts';
import { expectPdfMatchesGoldens, type GoldenReport } from './goldens.ts';
import { FIXED_CREATION_DATE, loadRenderReport, readExample, type ExampleCase } from './renderReport.ts';

/**
 * Renders an example and checks it against its goldens (or writes them with `GOLDEN_UPDATE=1`);
 * also checks that the PNG page count equals the `pageCount` renderReport returned.
 *
 * @param caseName Folder under `golden/`.
 * @param example The example report.
 * @param layout A layout preset name, or `undefined` for the report's own layout.
 * @returns The golden report.
 */
export async function checkVisualCase(caseName: string, example: ExampleCase, layout?: string): Promise<GoldenReport> {
  const renderReport = await loadRenderReport();
  // Names come from the layouts/ folder; presets.test.ts checks the typed list of names against it.
  const options = layout === undefined ? { creationDate: FIXED_CREATION_DATE } : { creationDate: FIXED_CREATION_DATE, layout: layout as LayoutPresetName };
  const result = await renderReport(readExample(example), options);
  const report = await expectPdfMatchesGoldens(caseName, result.pdf);
  expect(report.pageCount, 'pages rendered to PNG vs pageCount returned by renderReport').toBe(result.pageCount);
  return report;
}
