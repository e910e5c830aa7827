import { describe, expect, test } from 'vitest';
import { createFixedMeasurer } from '../measure/measure.ts';
import { breakLines, type SetLine } from './breakLines.ts';

const measurer = createFixedMeasurer();
const body = (text: string) => [{ text, face: 'body' as const, size: 10 }];
const textOf = (line: SetLine) => line.spans.map((span) => span.text).join('');

describe('breakLines', () => {
  test('fills lines of 10 full-width characters in a 100 pt line', () => {
    const lines = breakLines(body('一二三四五六七八九十甲乙丙'), measurer, { width: 100 });
    expect(lines.map(textOf)).toEqual(['一二三四五六七八九十', '甲乙丙']);
  });

  test('never starts a line with closing punctuation (kinsoku): the previous character moves down with it', () => {
    const lines = breakLines(body('一二三四五六七八九十，乙丙'), measurer, { width: 100 });
    expect(lines.map(textOf)).toEqual(['一二三四五六七八九', '十，乙丙']);
    expect(lines.every((line) => !/^[，。、；：？！）」》]/u.test(textOf(line)))).toBe(true);
  });

  test('never ends a line with an opening bracket', () => {
    const lines = breakLines(body('一二三四五六七八九（十）乙'), measurer, { width: 100 });
    expect(textOf(lines[0]!).endsWith('（')).toBe(false);
  });

  test('does not split a number', () => {
    const lines = breakLines(body('一二三四五六七八九12345'), measurer, { width: 100 });
    expect(lines.map(textOf)).toEqual(['一二三四五六七八九', '12345']);
  });

  test('justifies full lines to the exact width but not the last line', () => {
    const lines = breakLines(body('一二三四五六七八九十，一二'), measurer, { width: 100, justify: true });
    expect(lines.map(textOf)).toEqual(['一二三四五六七八九', '十，一二']);
    expect(lines[0]!.width).toBeCloseTo(100, 6);
    expect(lines[0]!.justified).toBe(true);
    const last = lines[0]!.spans.at(-1)!;
    const rightEdge = last.dx + ([...last.text].length - 1) * (10 + last.characterSpacing) + 10;
    expect(rightEdge).toBeCloseTo(100, 6);
    expect(lines[1]!.justified).toBe(false);
    expect(lines[1]!.width).toBeCloseTo(40, 6);
  });

  test('applies the first-line indent and tracking', () => {
    const lines = breakLines(body('一二三四五六七八九十'), measurer, { width: 100, firstLineIndent: 20, tracking: -1 });
    // 100 − 20 = 80 pt: n characters of 10 pt with n − 1 gaps of −1 pt take 9n + 1 pt, so 8 fit (73) and 9 do not (82).
    expect(textOf(lines[0]!)).toBe('一二三四五六七八');
    expect(lines[0]!.indent).toBe(20);
    expect(lines[1]!.indent).toBe(0);
  });

  test('prefers breaks between words when asked', () => {
    const lines = breakLines([{ text: '法律服务机构', face: 'table', size: 10 }], measurer, { width: 50, preferWords: true });
    expect(lines.map(textOf)).toEqual(['法律服务', '机构']);
  });

  test('keeps runs apart in spans with their own faces', () => {
    const lines = breakLines(
      [
        { text: '一是', face: 'body-bold', size: 10 },
        { text: '加强', face: 'body', size: 10 },
      ],
      measurer,
      { width: 100 },
    );
    expect(lines[0]!.spans.map((span) => [span.text, span.face, span.dx])).toEqual([
      ['一是', 'body-bold', 0],
      ['加强', 'body', 20],
    ]);
  });

  test('honours line feeds', () => {
    const lines = breakLines(body('一二\n三四'), measurer, { width: 100, justify: true });
    expect(lines.map(textOf)).toEqual(['一二', '三四']);
    expect(lines[0]!.justified).toBe(false);
  });

  test('a leading line feed gives an empty first line, two in a row an empty line', () => {
    expect(breakLines(body('\n一二'), measurer, { width: 100 }).map(textOf)).toEqual(['', '一二']);
    expect(breakLines(body('一\n\n二'), measurer, { width: 100 }).map(textOf)).toEqual(['一', '', '二']);
  });

  test('breaks a long number after its hyphen rather than spreading the line thin', () => {
    const lines = breakLines(body('一二三（电话：0000-1234567）。'), measurer, { width: 100, justify: true });
    expect(lines.map(textOf)[0]).toBe('一二三（电话：0000-');
    // Without a hyphen the number moves down whole.
    const whole = breakLines(body('一二三（电话：00001234567）。'), measurer, { width: 100, justify: true });
    expect(whole.map(textOf)[0]).toBe('一二三（电话：');
  });
});
