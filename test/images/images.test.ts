/**
 * Issue 10, points 1 and 2: every image is decoded and checked before layout. Every malformed PNG
 * and JPEG of the catalogue gets E_IMAGE naming its path, in under a second and under 300 MB (in a
 * fresh child process); every valid PNG shape (colour type × bit depth × interlace × tRNS) and JPEG
 * renders — pdfkit is handed only images that passed, and none of them crashes it; `check` (the
 * CLI's planIssues) reports the same problems; the image work budgets name their limit.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ImageError, renderReport } from '../../src/index.ts';
import { loadLibraryApi } from '../../src/cli/api.ts';
import { HOSTILE_IMAGES, encodeJpeg, encodePng, lyingPng, validPngVariants } from '../fuzz/imageSamples.ts';

const reportWith = (content: unknown[]) => ({ meta: { title: '图片', issuer: '某局', year: 2020 }, sections: [{ heading: '一', content }] });

describe('hostile images', () => {
  it('each malformed PNG/JPEG is refused with E_IMAGE at its path, < 1 s each, < 300 MB peak RSS (child process)', async () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const child = fileURLToPath(new URL('./hostileImagesChild.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, child], { timeout: 120_000, maxBuffer: 1 << 24 });
    const { results, maxRssMb } = JSON.parse(stdout.trim().split('\n').pop()!) as {
      results: { name: string; expected: string; code: string; rule?: string; path?: string; ms: number }[];
      maxRssMb: number;
    };
    expect(results).toHaveLength(HOSTILE_IMAGES.length);
    for (const result of results) {
      expect({ name: result.name, code: result.code, rule: result.rule, path: result.path }).toEqual({ name: result.name, code: 'E_IMAGE', rule: result.expected, path: 'sections[0].content[0].image.data' });
      expect(result.ms, result.name).toBeLessThan(1000);
    }
    expect(maxRssMb).toBeLessThan(300);
  });

  it('check (the CLI path: planIssues) reports a bad image instead of "no problems"', async () => {
    const api = await loadLibraryApi();
    const issues = await api.planIssues(reportWith([{ image: { data: encodePng({ width: 1, height: 1, filter: 5 }) } }]), { fillTotals: false });
    expect(issues.map((issue) => [issue.code, issue.pathText])).toEqual([['image_data', 'sections[0].content[0].image.data']]);
  });
});

describe('valid images', () => {
  it('every PNG shape and JPEG renders in one report (pdfkit decodes all of them without an error)', async () => {
    const images = [
      ...validPngVariants().map((variant) => ({ image: { data: encodePng(variant.options), width: 20, caption: variant.name } })),
      ...([1, 3, 4] as const).map((channels) => ({ image: { data: encodeJpeg(40, 24, channels), width: 20 } })),
    ];
    const { pdf } = await renderReport(reportWith(images));
    const text = Buffer.from(pdf).toString('latin1');
    expect(text.match(/\/Subtype \/Image/gu)?.length ?? 0).toBeGreaterThanOrEqual(images.length);
  });
});

describe('image limits', () => {
  it('maxImagePixels is width × height × channels and can be changed', async () => {
    const png = encodePng({ width: 30, height: 20, colourType: 6 });
    await expect(renderReport(reportWith([{ image: { data: png } }]), { limits: { maxImagePixels: 30 * 20 * 4 } })).resolves.toMatchObject({ pageCount: 1 });
    const error = await renderReport(reportWith([{ image: { data: png } }]), { limits: { maxImagePixels: 30 * 20 * 4 - 1 } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImageError);
    expect((error as ImageError).issues[0]?.message.en).toContain('maxImagePixels');
  });

  it('maxTotalImagePixels and maxTotalImageBytes bound all images together, naming the image where the total passed', async () => {
    const png = encodePng({ width: 10, height: 10, colourType: 2 });
    const two = reportWith([{ image: { data: png } }, { image: { data: png } }]);
    const pixels = await renderReport(two, { limits: { maxTotalImagePixels: 500 } }).catch((caught: unknown) => caught);
    expect((pixels as ImageError).issues.map((issue) => [issue.pathText, issue.message.en.includes('maxTotalImagePixels')])).toEqual([['sections[0].content[1].image.data', true]]);
    const bytes = await renderReport(two, { limits: { maxTotalImageBytes: png.length + 1 } }).catch((caught: unknown) => caught);
    expect((bytes as ImageError).issues.map((issue) => [issue.pathText, issue.message.en.includes('maxTotalImageBytes')])).toEqual([['sections[0].content[1].image.data', true]]);
  });

  it('the 30000 × 30000 bomb is refused from its header, as base64 text too', async () => {
    const error = await renderReport(reportWith([{ image: { data: Buffer.from(lyingPng(30_000, 30_000)).toString('base64') } }])).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMAGE', issues: [{ code: 'image_pixels' }] });
  });
});
