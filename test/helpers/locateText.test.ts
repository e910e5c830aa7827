import { describe, expect, test } from 'vitest';
import { compactText, type PageText } from './extractPdfText.ts';
import { describeMissing, locateTexts } from './locateText.ts';
import type { ExpectedKind, ExpectedText } from './reportText.ts';

/** A page whose whitespace-separated tokens are items on one line, 20 pt apart. */
const page = (pageNumber: number, text: string): PageText => {
  const items = text.split(/\s+/u).filter((t) => t !== '').map((t, i) => ({ text: compactText(t), x: 100 + i * 20, y: 700, width: 10, height: 10 }));
  return { pageNumber, raw: text, lines: [], compact: items.map((item) => item.text).join(''), items };
};
const item = (text: string, kind: ExpectedKind = 'heading'): ExpectedText => ({ kind, text, path: `x.${text}` });

const pages = [
  page(1, '标题 一、总体情况 第一段开头的文字'),
  page(2, '— 1 — 第一段结尾。 二、主动公开'),
  page(3, '附件2 规章 0 0 0'),
];

describe('locateTexts', () => {
  test('should find strings in order and report their pages', () => {
    const found = locateTexts([item('标题'), item('一、总体情况'), item('二、主动公开')], pages, { first: 1, last: 2 });
    expect(found.map((f) => f.pages)).toStrictEqual([[1, 1], [1, 1], [2, 2]]);
  });

  test('should find a paragraph that runs over a page break, across a folio', () => {
    const found = locateTexts([item('第一段开头的文字第一段结尾。', 'paragraph')], pages, { first: 1, last: 2 });
    expect(found[0]?.pages).toStrictEqual([1, 2]);
  });

  test('should not let a heading run over a page break', () => {
    const found = locateTexts([item('第一段开头的文字第一段结尾。', 'heading')], pages, { first: 1, last: 2 });
    expect(found[0]?.pages).toBeUndefined();
  });

  test('should fail a string outside the range and say where it is', () => {
    const found = locateTexts([item('规章000', 'row')], pages, { first: 1, last: 2 });
    expect(describeMissing(found, { first: 1, last: 2 })).toStrictEqual([
      'row "规章000" (x.规章000): found only on page(s) 3 (out of order or outside pages 1–2)',
    ]);
  });

  test('should fail a string that comes before the previous one’s page', () => {
    const found = locateTexts([item('二、主动公开'), item('一、总体情况')], pages, { first: 1, last: 3 });
    expect(found.map((f) => f.pages)).toStrictEqual([[2, 2], undefined]);
  });

  test('should find a table row by its label and the values to its right', () => {
    const row: ExpectedText = { kind: 'row', text: '规章000', path: 'r', row: { label: '规章', values: '000' } };
    expect(locateTexts([row], pages, { first: 1, last: 3 })[0]?.pages).toStrictEqual([3, 3]);
  });

  test('should not accept a row whose values differ', () => {
    const row: ExpectedText = { kind: 'row', text: '规章001', path: 'r', row: { label: '规章', values: '001' } };
    expect(locateTexts([row], pages, { first: 1, last: 3 })[0]?.pages).toBeUndefined();
  });

  test('should say when a string is missing', () => {
    const found = locateTexts([item('不存在')], pages, { first: 1, last: 3 });
    expect(describeMissing(found, { first: 1, last: 3 })).toStrictEqual(['heading "不存在" (x.不存在): not found on pages 1–3']);
  });
});
