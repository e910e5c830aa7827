import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { decodePng, encodePng, samePixels } from './comparePng.ts';
import { checkGoldenPages, checkGoldens, expectPdfMatchesGoldens, goldenPath, isGoldenUpdate } from './goldens.ts';
import { makeFixturePdf } from './makeFixturePdf.ts';
import { renderPdfToPngs, type PngPage } from './pdfToPng.ts';

let twoPages: Uint8Array;
let twoPagesChanged: Uint8Array;
let rendered: PngPage[];
let renderedChanged: PngPage[];
let renderedThree: PngPage[];
let renderedOne: PngPage[];
let root: string;
let dirs: { goldenDir: string; artifactsDir: string };

beforeAll(async () => {
  twoPages = await makeFixturePdf([['第一页', '规范性文件 203'], ['附件2', '行政许可 14']], { fontSize: 28 });
  twoPagesChanged = await makeFixturePdf([['第一页', '规范性文件 208'], ['附件2', '行政许可 14']], { fontSize: 28 });
  // Pages for checkGoldenPages at a small scale (fast to decode and encode); checkGoldens itself
  // renders twoPages at RENDER_SCALE, which only matches goldens written at that scale.
  const small = { scale: 0.5 };
  rendered = await renderPdfToPngs(twoPages, small);
  renderedChanged = await renderPdfToPngs(twoPagesChanged, small);
  renderedThree = await renderPdfToPngs(await makeFixturePdf([['第一页'], ['第二页'], ['第三页']], { fontSize: 28 }), small);
  renderedOne = await renderPdfToPngs(await makeFixturePdf([['第一页', '规范性文件 203']], { fontSize: 28 }), small);
});

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'goldens-test-'));
  dirs = { goldenDir: join(root, 'golden'), artifactsDir: join(root, 'artifacts') };
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function whitePages(pages: readonly PngPage[]): PngPage[] {
  return pages.map((page) => {
    const image = decodePng(page.png);
    return { ...page, png: encodePng({ ...image, data: new Uint8Array(image.data.length).fill(255) }) };
  });
}

describe('isGoldenUpdate', () => {
  test('should be on for GOLDEN_UPDATE=1 and =true', () => {
    expect([isGoldenUpdate({ GOLDEN_UPDATE: '1' }), isGoldenUpdate({ GOLDEN_UPDATE: 'true' })]).toStrictEqual([true, true]);
  });

  test('should be off when unset or 0', () => {
    expect([isGoldenUpdate({}), isGoldenUpdate({ GOLDEN_UPDATE: '0' })]).toStrictEqual([false, false]);
  });
});

describe('checkGoldens in update mode', () => {
  test('should create the folder and write page-<n>.png', async () => {
    const report = await checkGoldenPages('case-a', rendered, { ...dirs, update: true });
    expect(report).toMatchObject({ updated: true, pageCount: 2, failures: [] });
    expect((await readdir(join(dirs.goldenDir, 'case-a'))).sort()).toStrictEqual(['page-1.png', 'page-2.png']);
    expect(samePixels(decodePng(await readFile(goldenPath('case-a', 1, dirs.goldenDir))), decodePng(rendered[0]!.png))).toBe(true);
  });

  test('should store goldens as greyscale PNGs no larger than the render', async () => {
    await checkGoldenPages('case-a', rendered, { ...dirs, update: true });
    const file = await readFile(goldenPath('case-a', 1, dirs.goldenDir));
    expect(file[25]).toBe(0); // IHDR colour type 0 = greyscale
    expect(file.byteLength).toBeLessThan(rendered[0]!.png.byteLength);
  });

  test('should replace changed pages and report unchanged ones', async () => {
    await checkGoldenPages('case-a', renderedChanged, { ...dirs, update: true });
    const report = await checkGoldenPages('case-a', rendered, { ...dirs, update: true });
    expect(report.pages.map((page) => page.status)).toStrictEqual(['written', 'unchanged']);
    expect(samePixels(decodePng(await readFile(goldenPath('case-a', 1, dirs.goldenDir))), decodePng(rendered[0]!.png))).toBe(true);
  });

  test('should delete stale extra pages', async () => {
    await checkGoldenPages('case-a', renderedThree, { ...dirs, update: true });
    const report = await checkGoldenPages('case-a', rendered, { ...dirs, update: true });
    expect(report.deleted).toHaveLength(1);
    expect(existsSync(goldenPath('case-a', 3, dirs.goldenDir))).toBe(false);
  });

  test('should refuse to write blank pages as goldens', async () => {
    const report = await checkGoldenPages('case-a', whitePages(rendered), { ...dirs, update: true });
    expect(report.updated).toBe(false);
    expect(report.failures.join('\n')).toMatch(/blank/u);
    expect(existsSync(join(dirs.goldenDir, 'case-a'))).toBe(false);
  });
});

describe('checkGoldens in compare mode', () => {
  beforeEach(async () => {
    await checkGoldenPages('case-a', rendered, { ...dirs, update: true });
  });

  test('should pass for the same PDF and write no artifacts', async () => {
    await checkGoldens('case-a', twoPages, { ...dirs, update: true });
    const report = await checkGoldens('case-a', twoPages, { ...dirs, update: false });
    expect(report.failures).toStrictEqual([]);
    expect(report.pages.map((page) => [page.status, page.diffPixels])).toStrictEqual([['match', 0], ['match', 0]]);
    expect(existsSync(join(dirs.artifactsDir, 'case-a'))).toBe(false);
  });

  test('should fail on a changed digit and write actual, expected and diff PNGs', async () => {
    const report = await checkGoldenPages('case-a', renderedChanged, { ...dirs, update: false });
    expect(report.pages.map((page) => page.status)).toStrictEqual(['differs', 'match']);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatch(/^page 1: \d+ px differ .* MAX_DIFF_PIXELS = 3/u);
    expect((await readdir(join(dirs.artifactsDir, 'case-a'))).sort()).toStrictEqual([
      'page-1.actual.png',
      'page-1.diff.png',
      'page-1.expected.png',
    ]);
    for (const path of report.pages[0]!.artifacts) expect(report.failures[0]).toContain(path);
  });

  test('should fail when the page count differs', async () => {
    const report = await checkGoldenPages('case-a', renderedThree, { ...dirs, update: false });
    expect(report.failures[0]).toMatch(/page count 3 differs from the golden page count 2/u);
    expect(report.pages.map((page) => page.status)).toContain('no-golden');
  });

  test('should fail when there are fewer pages than goldens', async () => {
    const report = await checkGoldenPages('case-a', renderedOne, { ...dirs, update: false });
    expect(report.failures[0]).toMatch(/page count 1 differs from the golden page count 2/u);
    expect(report.pages.map((page) => page.status)).toStrictEqual(['match', 'extra-golden']);
  });

  test('should fail on a blank page even if the golden were blank too', async () => {
    const report = await checkGoldenPages('case-a', whitePages(rendered), { ...dirs, update: false });
    expect(report.failures[0]).toMatch(/page\(s\) 1, 2 rendered blank/u);
  });

  test('should clear old artifacts of the case before a check', async () => {
    await mkdir(join(dirs.artifactsDir, 'case-a'), { recursive: true });
    await writeFile(join(dirs.artifactsDir, 'case-a', 'page-9.actual.png'), 'stale');
    await checkGoldenPages('case-a', rendered, { ...dirs, update: false });
    expect(existsSync(join(dirs.artifactsDir, 'case-a'))).toBe(false);
  });

  test('should fail with a hint when a case has no goldens', async () => {
    const report = await checkGoldenPages('case-b', rendered, { ...dirs, update: false });
    expect(report.failures[0]).toMatch(/no goldens in .*case-b\/: run `npm run golden:update`/u);
  });
});

describe('expectPdfMatchesGoldens', () => {
  test('should throw an Error naming the artifacts when a page differs', async () => {
    await checkGoldens('case-a', twoPages, { ...dirs, update: true });
    await expect(expectPdfMatchesGoldens('case-a', twoPagesChanged, { ...dirs, update: false })).rejects.toThrow(
      /visual check of golden\/case-a failed:\n {2}- page 1: .*page-1\.diff\.png/u,
    );
  });

  test('should return the report when all pages match', async () => {
    await checkGoldens('case-a', twoPages, { ...dirs, update: true });
    await expect(expectPdfMatchesGoldens('case-a', twoPages, { ...dirs, update: false })).resolves.toMatchObject({ failures: [] });
  });

  test('should reject a case name that could leave the golden folder', async () => {
    await expect(checkGoldens('../escape', twoPages, dirs)).rejects.toThrow(/`caseName` must be/u);
  });
});
