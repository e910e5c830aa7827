import { describe, expect, test } from 'vitest';
import { createRenderer } from '../../src/index.ts';
import type { PlacedText } from '../../src/index.ts';

// With the real Noto fonts: the GB/T 9704 preset gives 22 lines of 28 characters, and full
// lines are justified to the exact right edge of the 156 mm text block.
const MM = 72 / 25.4;
const LEFT = 28 * MM;
const RIGHT = (28 + 156) * MM;
const PLAIN = '政府信息公开工作年度报告按照有关规定编制发布内容真实准确完整';
const PUNCTUATED = '政府信息公开工作年度报告，按照有关规定编制发布。内容真实、准确、完整；';

describe('the gbt9704 grid with real font metrics', async () => {
  const repeat = (text: string, length: number) => Array.from({ length }, (_, i) => text[i % text.length]).join('');
  const plain = repeat(PLAIN, 28 * 22 * 3);
  // Kinsoku moves a character down with punctuation that may not start a line; justification must still close each line at the edge.
  const punctuated = repeat(PUNCTUATED, 28 * 22 * 2);
  const { plan } = await createRenderer().plan({
    meta: { title: '网格测试', issuer: '测试机关', year: 2021 },
    sections: [{ heading: '正文', number: null, content: [plain, punctuated, '末行不拉伸。'] }],
  });
  const linesOf = (pageIndex: number) => {
    const texts = plan.pages[pageIndex]!.items.filter((item): item is PlacedText => item.kind === 'text' && item.text.indexOf('—') < 0);
    const byLine = new Map<number, PlacedText[]>();
    for (const t of texts) byLine.set(Math.round(t.y * 100), [...(byLine.get(Math.round(t.y * 100)) ?? []), t]);
    return [...byLine.values()];
  };
  const lines = linesOf(1);
  const rightEdge = (line: PlacedText[]) => {
    const last = line.at(-1)!;
    return last.x + ([...last.text].length - 1) * (last.size + last.characterSpacing) + last.size;
  };

  test('a full page of prose has 22 lines at the 225 mm / 22 pitch', () => {
    expect(lines).toHaveLength(22);
    const tops = lines.map((line) => line[0]!.y);
    for (let i = 1; i < tops.length; i++) expect(tops[i]! - tops[i - 1]!).toBeCloseTo((225 * MM) / 22, 6);
  });

  test('each line holds 28 characters from the left edge to the right edge exactly', () => {
    for (const line of lines) {
      const chars = line.reduce((sum, t) => sum + [...t.text].length, 0);
      expect(chars).toBe(28);
      expect(line[0]!.x).toBeCloseTo(LEFT, 6);
      expect(rightEdge(line)).toBeCloseTo(RIGHT, 6);
    }
  });

  test('lines shortened by kinsoku are justified to the right edge, and none starts with closing punctuation', () => {
    const pageIndex = plan.pages.findIndex((p, i) => i > 0 && p.items.some((item) => item.kind === 'text' && item.text.includes('；')));
    const page = linesOf(pageIndex).filter((line) => line.some((t) => /[，。、；]/u.test(t.text)));
    expect(page.length).toBeGreaterThan(10);
    const shortened = page.filter((line) => line.reduce((sum, t) => sum + [...t.text].length, 0) < 28);
    expect(shortened.length).toBeGreaterThan(0);
    for (const line of page) {
      expect(rightEdge(line)).toBeCloseTo(RIGHT, 6);
      expect(line[0]!.text[0]).not.toMatch(/[，。、；]/u);
    }
  });

  test('the last line of a paragraph is not stretched', () => {
    const lastPage = plan.pages.at(-1)!;
    const short = lastPage.items.find((item): item is PlacedText => item.kind === 'text' && item.text.includes('末行不拉伸'));
    expect(short).toBeDefined();
    expect(short!.characterSpacing).toBeCloseTo((156 * MM) / 28 - 16, 6);
  });
});
