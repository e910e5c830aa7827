import { beforeAll, describe, expect, test } from 'vitest';
import { MAX_DIFF_PIXELS } from '../visual/thresholds.ts';
import { comparePng, countInkPixels, decodePng, encodeCompactPng, encodePng, isBlankPage, samePixels } from './comparePng.ts';
import { makeFixturePdf } from './makeFixturePdf.ts';
import { renderPdfToPngs } from './pdfToPng.ts';
import { REPO_ROOT } from './paths.ts';
import { runChildRender, type ChildRenderResult } from './runChildRender.ts';

function solid(width: number, height: number, rgba: readonly [number, number, number, number]): Buffer {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return encodePng({ width, height, data });
}

function withDots(png: Buffer, count: number): Buffer {
  const image = decodePng(png);
  const data = Uint8Array.from(image.data);
  for (let k = 0; k < count; k += 1) data.set([0, 0, 0, 255], (k * 37 + 11) * 4 * 7);
  return encodePng({ width: image.width, height: image.height, data });
}

const tableRow = (value: string) => makeFixturePdf([['表格']], { fontSize: 10.5, table: [['信息内容', '本年新制作数量'], ['规范性文件', value]] });

let printed: Buffer;
let digit3: Buffer;
let digit8: Buffer;
let childBlank: ChildRenderResult;

beforeAll(async () => {
  const pdf = await makeFixturePdf([['沈阳市辽中区水务局2020年', '政府信息公开工作总结', '一、总体公开情况']]);
  [printed, digit3, digit8, childBlank] = await Promise.all([
    renderPdfToPngs(pdf).then((p) => p[0]!.png),
    tableRow('203').then(renderPdfToPngs).then((p) => p[0]!.png),
    tableRow('208').then(renderPdfToPngs).then((p) => p[0]!.png),
    runChildRender('raw-no-polyfill', pdf, REPO_ROOT),
  ]);
});

describe('decodePng / encodePng', () => {
  test('should round-trip RGBA bytes', () => {
    const png = solid(3, 2, [10, 20, 30, 255]);
    expect(decodePng(png)).toMatchObject({ width: 3, height: 2 });
    expect([...decodePng(png).data.subarray(0, 4)]).toStrictEqual([10, 20, 30, 255]);
  });
});

describe('encodeCompactPng / samePixels', () => {
  test('should store a grey page as greyscale without changing a pixel', () => {
    const compact = encodeCompactPng(decodePng(printed));
    expect(compact[25]).toBe(0);
    expect(samePixels(decodePng(compact), decodePng(printed))).toBe(true);
  });

  test('should keep colour (RGB) and transparency (RGBA) exactly', () => {
    const red = solid(3, 3, [255, 0, 0, 255]);
    const clear = solid(3, 3, [10, 10, 10, 100]);
    expect([encodeCompactPng(decodePng(red))[25], encodeCompactPng(decodePng(clear))[25]]).toStrictEqual([2, 6]);
    expect(samePixels(decodePng(encodeCompactPng(decodePng(clear))), decodePng(clear))).toBe(true);
  });

  test('should tell different images apart', () => {
    expect(samePixels(decodePng(printed), decodePng(withDots(printed, 1)))).toBe(false);
  });
});

describe('comparePng', () => {
  test('should find no difference between identical renders', () => {
    expect(comparePng(printed, Buffer.from(printed))).toMatchObject({ sameSize: true, diffPixels: 0, diffRatio: 0 });
  });

  test('should count changed pixels and their share', () => {
    const result = comparePng(withDots(printed, 10), printed);
    expect(result.diffPixels).toBe(10);
    expect(result.diffRatio).toBeCloseTo(10 / (decodePng(printed).width * decodePng(printed).height), 12);
  });

  test('should return a diff PNG of the same size', () => {
    const result = comparePng(withDots(printed, 10), printed);
    expect(decodePng(result.diffPng!)).toMatchObject(decodePng(printed).width === 0 ? {} : { width: decodePng(printed).width });
  });

  test('should leave out the diff PNG on request', () => {
    expect(comparePng(printed, printed, { withDiffImage: false }).diffPng).toBeUndefined();
  });

  test('should count every pixel when the sizes differ', () => {
    expect(comparePng(solid(4, 4, [255, 255, 255, 255]), solid(4, 5, [255, 255, 255, 255]))).toStrictEqual({
      sameSize: false,
      diffPixels: 20,
      diffRatio: 1,
    });
  });

  test('should see one changed digit in a 10.5 pt table cell as more than MAX_DIFF_PIXELS', () => {
    expect(comparePng(digit8, digit3).diffPixels).toBeGreaterThan(MAX_DIFF_PIXELS);
  });
});

describe('isBlankPage', () => {
  test('should say a synthetic all-white page is blank', () => {
    expect(isBlankPage(solid(714, 1010, [255, 255, 255, 255]))).toBe(true);
  });

  test('should say a transparent page is blank', () => {
    expect(isBlankPage(solid(50, 50, [0, 0, 0, 0]))).toBe(true);
  });

  test('should say a page with a few specks is blank', () => {
    expect(isBlankPage(withDots(solid(714, 1010, [255, 255, 255, 255]), 5))).toBe(true);
  });

  test('should say a real rendered page of text is not blank', () => {
    expect(countInkPixels(decodePng(printed))).toBeGreaterThan(1000);
    expect(isBlankPage(printed)).toBe(false);
  });

  test('should say the converter’s silent Node 20 failure (no polyfill) is blank', (context) => {
    if (childBlank.nativeTransferToFixedLength) {
      context.skip('this Node has transferToFixedLength natively, so it cannot reproduce the blank render');
    }
    expect(childBlank.pngs).toHaveLength(1);
    expect(isBlankPage(childBlank.pngs[0]!)).toBe(true);
  });
});
