import { beforeAll, describe, expect, test } from 'vitest';
import { _groupLines, compactText, extractPdfText, type PageText } from './extractPdfText.ts';
import { makeFixturePdf } from './makeFixturePdf.ts';

let pages: PageText[];
let pdf: Uint8Array;

beforeAll(async () => {
  pdf = await makeFixturePdf([
    ['沈阳市辽中区水务局2020年', '政府信息公开工作总结'],
    ['附件2', '第二十条第（一）项'],
  ], { table: [['信息内容', '本年新制作数量'], ['规范性文件', '203']] });
  pages = await extractPdfText(pdf);
});

describe('compactText', () => {
  test('should remove all whitespace, including ideographic spaces and line breaks', () => {
    expect(compactText(' 规 范\u3000性\n文件 ')).toBe('规范性文件');
  });

  test('should apply NFKC (full-width digits and brackets)', () => {
    expect(compactText('２０３（一）')).toBe('203(一)');
  });
});

describe('_groupLines', () => {
  const item = (str: string, y: number, hasEOL = false) => ({ str, transform: [1, 0, 0, 1, 0, y], hasEOL });

  test('should join items on one baseline and split when it moves', () => {
    expect(_groupLines([item('附', 700), item('件2', 700), item('标题', 650)])).toStrictEqual(['附件2', '标题']);
  });

  test('should split at hasEOL', () => {
    expect(_groupLines([item('一', 700, true), item('二', 700)])).toStrictEqual(['一', '二']);
  });
});

describe('extractPdfText', () => {
  test('should return one entry per page', () => {
    expect(pages.map((page) => page.pageNumber)).toStrictEqual([1, 2]);
  });

  test('should give each page its own text', () => {
    expect(pages[0]?.compact).toBe('沈阳市辽中区水务局2020年政府信息公开工作总结');
  });

  test('should give lines', () => {
    expect(pages[1]?.lines.slice(0, 2)).toStrictEqual(['附件2', compactText('第二十条第（一）项')]);
  });

  test('should keep a table row’s label and value together', () => {
    expect(pages[1]?.compact).toContain('规范性文件203');
  });

  test('should leave the caller’s bytes attached', () => {
    expect(pdf.byteLength).toBeGreaterThan(0);
  });
});
