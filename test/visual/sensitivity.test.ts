/**
 * The visual comparison must stay strict on every Node it runs on: pinning pdfjs to one code path
 * (installPdfjsPolyfills hides Float16Array) removed the Node 24 drift without loosening
 * MAX_DIFF_PIXELS, and these tests prove a one-pixel move of a single glyph or a single rule still
 * fails. `.ci/run` runs them on the machine's Node and on Node 24.
 */
import type { Content } from 'pdfmake/interfaces.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { compareImages, decodePng, type RgbaImage } from '../helpers/comparePng.ts';
import { makeFixturePdf } from '../helpers/makeFixturePdf.ts';
import { renderPdfToPngs } from '../helpers/pdfToPng.ts';
import { MAX_DIFF_PIXELS, RENDER_SCALE } from './thresholds.ts';

/** One pixel of the render, in PDF points. */
const ONE_PIXEL = 1 / RENDER_SCALE;

/** A page with a line of text, one glyph placed on its own, and one table-like rule (0.5 pt). */
function page(glyphDx: number, ruleDy: number): Promise<Uint8Array> {
  const extra: Content[] = [
    { text: '年', absolutePosition: { x: 300 + glyphDx, y: 400 }, fontSize: 16 },
    {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: 300, y2: 0, lineWidth: 0.5 }],
      absolutePosition: { x: 100, y: 500 + ruleDy },
    },
  ];
  return makeFixturePdf([['沈阳市辽中区水务局2020年', '规范性文件 203']], { fontSize: 16, extra });
}

async function rasterize(pdf: Promise<Uint8Array>): Promise<RgbaImage> {
  const [first] = await renderPdfToPngs(await pdf);
  return decodePng(first!.png);
}

let base: RgbaImage;
let baseAgain: RgbaImage;
let glyphMoved: RgbaImage;
let glyphMovedHalf: RgbaImage;
let ruleMoved: RgbaImage;

beforeAll(async () => {
  [base, baseAgain, glyphMoved, glyphMovedHalf, ruleMoved] = await Promise.all([
    rasterize(page(0, 0)),
    rasterize(page(0, 0)),
    rasterize(page(ONE_PIXEL, 0)),
    rasterize(page(0.5 * ONE_PIXEL, 0)),
    rasterize(page(0, ONE_PIXEL)),
  ]);
});

describe(`visual comparison on Node ${process.versions.node}`, () => {
  test('should see no difference between two renders of the same page', () => {
    expect(compareImages(baseAgain, base, { withDiffImage: false }).diffPixels).toBe(0);
  });

  test('should fail a single glyph moved right by one pixel', () => {
    expect(compareImages(glyphMoved, base, { withDiffImage: false }).diffPixels).toBeGreaterThan(MAX_DIFF_PIXELS);
  });

  test('should fail a single glyph moved right by half a pixel', () => {
    expect(compareImages(glyphMovedHalf, base, { withDiffImage: false }).diffPixels).toBeGreaterThan(MAX_DIFF_PIXELS);
  });

  test('should fail a single 0.5 pt rule moved down by one pixel', () => {
    expect(compareImages(ruleMoved, base, { withDiffImage: false }).diffPixels).toBeGreaterThan(MAX_DIFF_PIXELS);
  });
});
