import fc from 'fast-check';
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

  test('with word preference, a number stays with its measure word (1件, not 1 / 件)', () => {
    const lines = breakLines([{ text: '（含转办1件）', face: 'table', size: 10 }], measurer, { width: 50, preferWords: true });
    expect(lines.map(textOf)).toEqual(['（含转办', '1件）']);
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

  test('adjacent full-width marks share one em (标点挤压): 。」 is set in one and a half ems', () => {
    const [line] = breakLines(body('一二。」三'), measurer, { width: 100 });
    const xs = positions(line!);
    expect(xs.map(([char]) => char).join('')).toBe('一二。」三');
    expect(xs[3]![1]).toBeCloseTo(25, 6); // 」 starts in the blank half of 。
    expect(xs[4]![1]).toBeCloseTo(35, 6);
    // （「 : the second opening mark loses its blank left half; 」（ : the closing one its right half.
    const [open] = breakLines(body('一（「二」）（三'), measurer, { width: 100 });
    expect(positions(open!).map(([, x]) => x)).toEqual([0, 10, 15, 25, 35, 40, 45, 55]);
    // Without compression every mark keeps its full em.
    const [full] = breakLines(body('一二。」三'), measurer, { width: 100, compressPunctuation: false });
    expect(positions(full!)[4]![1]).toBeCloseTo(40, 6);
  });

  test('a closing mark at a line end is set half width when that lets the line keep it, instead of spreading the line', () => {
    // 9 characters + 。 = 100 pt in a 95 pt line: the 。 keeps its ink inside by losing its blank half.
    const lines = breakLines(body('一二三四五六七八九。十一'), measurer, { width: 95, justify: true });
    expect(lines.map(textOf)).toEqual(['一二三四五六七八九。', '十一']);
    expect(lines[0]!.width).toBeCloseTo(95, 6);
    expect(lines[0]!.spans.every((span) => span.characterSpacing <= 0)).toBe(true);
  });

  test('an opening mark at a line start is set half width when that lets the line fit', () => {
    const lines = breakLines(body('（一二三四五六七八九十'), measurer, { width: 95, justify: true });
    expect(textOf(lines[0]!)).toBe('（一二三四五六七八九');
    expect(lines[0]!.spans[0]!.dx).toBeCloseTo(-5, 6);
  });

  test('breaks inside an e-mail address after @ or . rather than spreading 电子邮箱： across the line', () => {
    const lines = breakLines(body('电子邮箱：someone.name@example.gov.cn。'), measurer, { width: 100, justify: true, maxSpacing: 2 });
    expect(lines.map(textOf)).toEqual(['电子邮箱：someone.', 'name@example.gov.cn。']);
    expect(Math.max(...lines[0]!.spans.map((span) => span.characterSpacing))).toBeLessThanOrEqual(2);
    expect(lines[0]!.width).toBeCloseTo(100, 6);
  });

  test('breaks inside a URL after / or - and never before the first letter of the scheme', () => {
    const lines = breakLines(body('网址：https://www.example-city.gov.cn/xxgk/ndbg/index.html'), measurer, { width: 100, justify: true, maxSpacing: 2 });
    for (const line of lines.slice(0, -1)) expect(textOf(line)).toMatch(/[@/.\-：]$/u);
    expect(lines.map(textOf).join('')).toBe('网址：https://www.example-city.gov.cn/xxgk/ndbg/index.html');
    expect(lines.slice(0, -1).every((line) => line.width > 90)).toBe(true);
  });

  test('never spreads characters wider than maxSpacing: a line that cannot be filled stays ragged', () => {
    const lines = breakLines(body('电子邮箱：ABCDEFGHIJKLMNOPQRSTU一二三'), measurer, { width: 100, justify: true, maxSpacing: 2 });
    expect(textOf(lines[0]!)).toBe('电子邮箱：');
    expect(lines[0]!.width).toBeCloseTo(50 + 4 * 2, 6);
  });

  test('a line holding a single unbreakable token is left-aligned, not spread', () => {
    const lines = breakLines(body('ABCDEFGHIJKLMNOPQR 一二三四五'), measurer, { width: 100, justify: true, maxSpacing: 2 });
    expect(textOf(lines[0]!)).toBe('ABCDEFGHIJKLMNOPQR');
    expect(lines[0]!.justified).toBe(false);
    expect(lines[0]!.width).toBeCloseTo(90, 6);
  });

  test('property: with maxSpacing, no justified line spaces characters wider than the limit, and every line fits', () => {
    const pieces = ['一', '二', '，', '。', '（', '）', '“', '”', '、', 'a', 'b', '1', '2', '-', '@', '.', '/', ' ', 'x@y.cn', 'http://a.b/c-d'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 80 }), fc.integer({ min: 40, max: 160 }), (parts, width) => {
        const lines = breakLines(body(parts.join('')), measurer, { width, justify: true, maxSpacing: 3, tracking: -0.2 });
        for (const line of lines) {
          for (const span of line.spans) expect(span.characterSpacing).toBeLessThanOrEqual(3 + 1e-9);
          if (line.spans.length > 0 && [...textOf(line)].length > 1) expect(line.width).toBeLessThanOrEqual(width + 0.2 + 1e-6);
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  test('Chinese quotes break like brackets: before “ and after ”, never after “ or before ”', () => {
    const lines = breakLines(body('一二三四五六七“好”说：“是。”'), measurer, { width: 100 });
    expect(lines.map(textOf)).toEqual(['一二三四五六七“好”', '说：“是。”']);
    const open = breakLines(body('一二三四五六七八九“好”'), measurer, { width: 100 });
    expect(open.map(textOf)).toEqual(['一二三四五六七八九', '“好”']);
  });
});

/** Each character of a line with its x offset. */
function positions(line: SetLine): [string, number][] {
  return line.spans.flatMap((span) => [...span.text].map((char, i): [string, number] => [char, span.dx + i * (span.size * (/[\x20-\x7e]/u.test(char) ? 0.5 : 1) + span.characterSpacing)]));
}
