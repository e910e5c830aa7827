import { describe, expect, test } from 'vitest';
import { createRenderer } from '../../src/index.ts';
import type { PlacedText } from '../../src/index.ts';

// With the real Noto fonts on the GB/T 9704 grid: page 1 has 18 lines for text after the title,
// its blank line and the heading, and the signature takes 4 (2 blank lines for the seal, issuer,
// date). Text of 15 or 16 lines leaves the signature alone on page 2 in first fit.
const MM = 72 / 25.4;
const TEXT_TOP = 37 * MM;
const TEXT_BOTTOM = (37 + 225) * MM;
const CHARS = '政府信息公开工作年度报告按照有关规定编制发布内容真实准确完整';
const prose = (lines: number) => Array.from({ length: 26 + 28 * (lines - 2) + 10 }, (_, i) => CHARS[i % CHARS.length]).join('');
const report = (lines: number) => ({ meta: { title: '某局2021年政府信息公开工作年度报告', issuer: '某局', year: 2021, date: '2022-01-20' }, sections: [{ heading: '总体情况', content: [prose(lines)] }] });
const renderer = createRenderer();

describe('the signature shares its page with the text, by the preset\'s spacing adjustments', () => {
  test.each([
    [15, 'one blank line of the seal room out'],
    [16, 'one blank line out and the page set one line closer'],
  ])('%i lines of text: %s; one page, in the text block, the PDF as planned', async (lines) => {
    const { plan } = await renderer.plan(report(lines));
    expect(plan.pages).toHaveLength(1);
    const texts = plan.pages[0]!.items.filter((item): item is PlacedText => item.kind === 'text' && !/^— \d+ —$/u.test(item.text));
    const date = texts.find((t) => t.text.includes('2022年'))!;
    expect(date.y).toBeGreaterThan(TEXT_TOP);
    expect(date.y + date.size).toBeLessThanOrEqual(TEXT_BOTTOM);
    expect((await renderer.render(report(lines))).pageCount).toBe(1);
  });
});
