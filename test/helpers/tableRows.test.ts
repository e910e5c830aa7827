import { describe, expect, test } from 'vitest';
import type { PageText, PositionedText } from './extractPdfText.ts';
import { pageHasRow, textRightOf } from './tableRows.ts';

const at = (text: string, x: number, y: number, width = text.length * 10.5): PositionedText => ({ text, x, y, width, height: 10.5 });

/** Stream order as our renderer writes it: values first, then the stub label; a wrapped label on two lines. */
const items: PositionedText[] = [
  at('0', 340, 607), at('14', 370, 607), at('14', 400, 607), at('行政许可', 82, 607),
  at('0', 340, 580), at('0', 370, 580), at('0', 400, 580),
  at('（二）部分公开（区分处理的，', 82, 587), at('只计这一情形）', 82, 573),
  at('总计', 400, 650),
];
const page: PageText = { pageNumber: 1, raw: '', lines: [], compact: items.map((i) => i.text).join(''), items };

describe('textRightOf', () => {
  test('should read the values right of a label on its baseline, left to right', () => {
    expect(textRightOf(page, '行政许可')).toStrictEqual(['01414']);
  });

  test('should read the values of a label wrapped over two lines (values centred between them)', () => {
    expect(textRightOf(page, '（二）部分公开（区分处理的，只计这一情形）')).toStrictEqual(['000']);
  });

  test('should give one entry per occurrence and nothing for a header with nothing right of it', () => {
    expect(textRightOf(page, '总计')).toStrictEqual(['']);
  });

  test('should reject an empty label', () => {
    expect(() => textRightOf(page, '')).toThrow(/must not be empty/u);
  });
});

describe('pageHasRow', () => {
  test('should accept the row with its exact values', () => {
    expect(pageHasRow(page, '行政许可', '01414')).toBe(true);
  });

  test('should reject the row with other values', () => {
    expect(pageHasRow(page, '行政许可', '0+1414')).toBe(false);
  });

  test('should look for the values alone when the row has no label', () => {
    expect(pageHasRow(page, '', '01414')).toBe(true);
  });
});
