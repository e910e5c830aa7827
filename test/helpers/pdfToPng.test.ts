import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, test } from 'vitest';
import { RENDER_SCALE } from '../visual/thresholds.ts';
import { isBlankPage } from './comparePng.ts';
import { makeFixturePdf } from './makeFixturePdf.ts';
import { renderPdfToPngs, type PngPage } from './pdfToPng.ts';
import { REPO_ROOT } from './paths.ts';
import { runChildRender } from './runChildRender.ts';
import { makeStandardFontPdf } from './standardFontPdf.ts';

const A4 = { width: Math.floor(595.28 * RENDER_SCALE), height: Math.floor(841.89 * RENDER_SCALE) };

let pdf: Uint8Array;
let pages: PngPage[];

beforeAll(async () => {
  pdf = await makeFixturePdf([
    ['沈阳市辽中区水务局2020年', '政府信息公开工作总结'],
    ['附件2', '规范性文件 203'],
  ]);
  pages = await renderPdfToPngs(pdf);
});

describe('renderPdfToPngs', () => {
  test('should return one PNG per page, in order', () => {
    expect(pages.map((page) => page.pageNumber)).toStrictEqual([1, 2]);
  });

  test('should render A4 at RENDER_SCALE', () => {
    expect(pages.map(({ width, height }) => ({ width, height }))).toStrictEqual([A4, A4]);
  });

  test('should render pages that are not blank (the Node 20 polyfill is installed)', () => {
    expect(pages.map((page) => isBlankPage(page.png))).toStrictEqual([false, false]);
  });

  test('should return PNG bytes', () => {
    expect(pages[0]?.png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  test('should keep a golden-sized page small (≤ 150 KB)', () => {
    for (const page of pages) expect(page.png.byteLength).toBeLessThanOrEqual(150 * 1024);
  });

  test('should give identical bytes for the same PDF', async () => {
    const again = await renderPdfToPngs(pdf);
    expect(again.map((page) => page.png.equals(pages[again.indexOf(page)]!.png))).toStrictEqual([true, true]);
  });

  test('should leave the caller’s PDF bytes attached and unchanged', async () => {
    const copy = Uint8Array.from(pdf);
    await renderPdfToPngs(pdf);
    expect(pdf.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(pdf).equals(Buffer.from(copy))).toBe(true);
  });

  test('should honour a scale option', async () => {
    const [small] = await renderPdfToPngs(pdf, { scale: 0.5 });
    expect(small?.width).toBe(Math.floor(595.28 * 0.5));
  });

  test('should render a standard-font PDF identically from another working directory', async () => {
    // Helvetica is not embedded: pdfjs loads its data from pdfjs-dist/standard_fonts, which the
    // converter would look up relative to the cwd (and render a fallback face from /tmp).
    const standard = makeStandardFontPdf('Standard font from any cwd');
    const here = await renderPdfToPngs(standard);
    const fromTmp = await runChildRender('helper', standard, tmpdir());
    expect(isBlankPage(here[0]!.png)).toBe(false);
    expect(fromTmp.pngs.map((png) => png.equals(here[0]!.png))).toStrictEqual([true]);
  });

  test('should be what the repository root renders too', async () => {
    const fromRoot = await runChildRender('helper', pdf, REPO_ROOT);
    expect(fromRoot.pngs.map((png, index) => png.equals(pages[index]!.png))).toStrictEqual([true, true]);
  });
});
