/**
 * The same input with the same options gives the same PDF bytes; the creation date is part of
 * the bytes (so these tests can fail); rendering does not change its input.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { FIXED_CREATION_DATE, listSeedExamples, loadRenderReport, readExample } from '../helpers/renderReport.ts';

const SEED = 'seed-2020-generic-tables';

let report: unknown;

beforeAll(() => {
  const seed = listSeedExamples().find((example) => example.name === SEED);
  if (seed === undefined) throw new Error(`examples/${SEED}.json is missing`);
  report = readExample(seed);
});

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

describe(`renderReport on ${SEED}`, () => {
  test('should give byte-identical PDFs for the same input and creationDate', async () => {
    const renderReport = await loadRenderReport();
    const first = await renderReport(report, { creationDate: FIXED_CREATION_DATE });
    const second = await renderReport(structuredClone(report), { creationDate: FIXED_CREATION_DATE });
    expect(first.pdf.byteLength).toBeGreaterThan(1000);
    expect(same(first.pdf, second.pdf)).toBe(true);
  });

  test('should give byte-identical PDFs without a creationDate (dated by the report itself)', async () => {
    const renderReport = await loadRenderReport();
    const first = await renderReport(report);
    const second = await renderReport(report);
    expect(same(first.pdf, second.pdf)).toBe(true);
  });

  test.each(['gbt9704', 'compact'] as const)('should give byte-identical PDFs twice in the %s preset', async (layout) => {
    const renderReport = await loadRenderReport();
    const first = await renderReport(report, { creationDate: FIXED_CREATION_DATE, layout });
    const second = await renderReport(report, { creationDate: FIXED_CREATION_DATE, layout });
    expect(same(first.pdf, second.pdf)).toBe(true);
  });

  test('should give different bytes for different creationDates', async () => {
    const renderReport = await loadRenderReport();
    const first = await renderReport(report, { creationDate: FIXED_CREATION_DATE });
    const other = await renderReport(report, { creationDate: new Date('2022-06-30T12:00:00Z') });
    expect(same(first.pdf, other.pdf)).toBe(false);
  });

  test('should not change its input', async () => {
    const renderReport = await loadRenderReport();
    const before = structuredClone(report);
    await renderReport(report, { creationDate: FIXED_CREATION_DATE });
    expect(report).toStrictEqual(before);
  });
});
