import { describe, expect, test } from 'vitest';
import { resolvePreset } from '../render/presets/resolvePreset.ts';
import { resolveForms } from '../forms/resolveForms/resolveForms.ts';
import { validateReport } from '../schema/validateReport/validateReport.ts';
import { layoutReport } from './layoutReport.ts';
import { createFixedMeasurer } from '../text/measure/measure.ts';
import type { PlannedPage, PlacedText } from './plan/plan.ts';

// With the fixed-width fake, every CJK character is 1 em: on the GB/T 9704 grid a line holds
// exactly 28 characters and a page 22 lines, so inputs can be built to land on page boundaries.
const preset = resolvePreset('gbt9704');
const measurer = createFixedMeasurer();
const CHARS = '政府信息公开工作年度报告按照有关规定编制发布内容真实准确完整';

/** A paragraph that sets in exactly `n` lines (first line 26 characters after the 2-character indent, then 28). */
function paragraph(n: number, seed = 0): string {
  const length = n === 1 ? 20 : 26 + 28 * (n - 2) + 10;
  return Array.from({ length }, (_, i) => CHARS[(i + seed) % CHARS.length]).join('');
}

function plan(content: unknown[], extra: Record<string, unknown> = {}, layoutPreset = preset): PlannedPage[] {
  const input = { meta: { title: '测试', issuer: '测试机关', year: 2021 }, sections: [{ heading: '第一节', number: null, content }], ...extra };
  const result = validateReport(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return [...layoutReport(resolveForms(result.report).report, { preset: layoutPreset, measurer }).pages];
}

const texts = (page: PlannedPage) => page.items.filter((item): item is PlacedText => item.kind === 'text');
/** Lines of body text on a page, grouped by y (folio excluded). */
function bodyLines(page: PlannedPage): string[] {
  const rows = new Map<number, string>();
  const folioY = Math.max(...texts(page).map((t) => t.y));
  for (const t of texts(page)) if (t.y < folioY) rows.set(Math.round(t.y), (rows.get(Math.round(t.y)) ?? '') + t.text);
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}

describe('layoutReport on the GB/T 9704 grid (whole pipeline)', () => {
  test('a full page of plain prose has 22 lines of 28 characters', () => {
    const pages = plan([paragraph(60)]);
    const second = bodyLines(pages[1]!);
    expect(second).toHaveLength(22);
    expect(second.every((line) => [...line].length === 28)).toBe(true);
  });

  test('a heading is never the last line of a page: it moves with two lines of what follows', () => {
    // Text from line 5; 17 lines fill it to line 21, so the heading would be alone on line 22.
    const pages = plan([paragraph(17), { heading: '落在页末的标题', content: [paragraph(4, 3)] }]);
    const first = bodyLines(pages[0]!);
    expect(first.at(-1)).not.toContain('落在页末的标题');
    expect(bodyLines(pages[1]!)[0]).toContain('落在页末的标题');
  });

  // Page 1: the title takes 2 grid lines, a blank line follows, the section heading is line 4;
  // text starts on line 5, so 18 lines remain. bodyLines() lists the title and heading too.
  test('a paragraph does not leave a single line at the bottom of a page (orphan)', () => {
    const pages = plan([paragraph(17), paragraph(5, 7)]);
    expect(bodyLines(pages[0]!)).toHaveLength(2 + 17);
    expect(bodyLines(pages[1]!)).toHaveLength(5);
  });

  test('a paragraph does not leave a single line at the top of the next page (widow)', () => {
    // Lines 5–10, then 13 lines from line 11: 12 would fit and 1 would be alone on page 2, so 2 go over.
    const pages = plan([paragraph(6), paragraph(13, 5)]);
    expect(bodyLines(pages[0]!)).toHaveLength(2 + 6 + 11);
    expect(bodyLines(pages[1]!)).toHaveLength(2);
  });

  test('without the rules the same inputs would fill the page: the boundary cases are real', () => {
    expect(bodyLines(plan([paragraph(17), paragraph(1, 7)])[0]!)).toHaveLength(2 + 18);
    expect(bodyLines(plan([paragraph(6), paragraph(12, 5)])[0]!)).toHaveLength(2 + 18);
  });

  test('attachments start on a new page with their label on the first line', () => {
    const pages = plan([paragraph(2)], { attachments: [{ label: '附件1', title: '统计表', content: [paragraph(2)] }] });
    expect(pages).toHaveLength(2);
    expect(bodyLines(pages[1]!)[0]).toBe('附件1');
    expect(bodyLines(pages[1]!)[1]).toBe('统计表');
  });

  test('pages are numbered with a folio, odd pages right and even pages left', () => {
    const pages = plan([paragraph(40)]);
    const folio = (page: PlannedPage) => texts(page).find((t) => t.text.includes(`— ${page.number} —`))!;
    expect(folio(pages[0]!).x).toBeGreaterThan(pages[0]!.width / 2);
    expect(folio(pages[1]!).x).toBeLessThan(pages[1]!.width / 2);
  });
});

describe('layoutReport: tables (whole pipeline)', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `第${i + 1}行`, values: [i, i * 2] }));
  const table = (n: number, caption?: string) => ({ table: { ...(caption === undefined ? {} : { caption }), corner: '项目', columns: ['本年', '上年'], rows: rows(n) } });

  test('a long table continues with 续表 and its header repeated, never a header without rows', () => {
    const pages = plan([table(80, '表1 测试表')]);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(1)) {
      const lines = bodyLines(page);
      expect(lines[0]).toBe('续表');
      expect(lines[1]).toContain('项目');
      expect(lines.length).toBeGreaterThan(2);
    }
    const all = pages.flatMap(bodyLines).join('\n');
    for (let i = 1; i <= 80; i++) expect(all).toContain(`第${i}行`);
  });

  test('a table that fits on one page is not split, and its heading moves with it', () => {
    const pages = plan([paragraph(14), { heading: '统计表', content: [table(12, '表1 测试表')] }]);
    expect(bodyLines(pages[1]!)[0]).toContain('统计表');
    expect(bodyLines(pages[1]!).some((line) => line.includes('第12行'))).toBe(true);
  });

  test('without keepTogether a table starts where at least minRowsBeforeBreak rows fit, and continues', () => {
    const splitting = { ...preset, table: { ...preset.table, keepTogether: false, minRowsBeforeBreak: 3 } };
    const pages = plan([paragraph(10), { heading: '统计表', content: [table(12, '表1 测试表')] }], {}, splitting);
    expect(bodyLines(pages[0]!).some((line) => line.includes('统计表'))).toBe(true);
    const firstPageRows = bodyLines(pages[0]!).filter((line) => /第\d+行/u.test(line)).length;
    expect(firstPageRows).toBeGreaterThanOrEqual(3);
    expect(bodyLines(pages[1]!)[0]).toBe('续表');
    // With too little room for three rows, the table (and its heading) move instead.
    const tight = plan([paragraph(16), { heading: '统计表', content: [table(12, '表1 测试表')] }], {}, splitting);
    expect(bodyLines(tight[0]!).some((line) => line.includes('统计表'))).toBe(false);
  });

  test('a caption stays with its table', () => {
    const pages = plan([paragraph(20), table(50, '表2 长表')]);
    const firstPageLines = bodyLines(pages[0]!);
    expect(firstPageLines.some((line) => line.includes('表2 长表'))).toBe(false);
  });

  test('a row label cut by a page break is printed again on the next page', () => {
    const grouped = {
      table: {
        corner: '项目',
        columns: ['数量'],
        rows: [{ label: '分组甲', children: Array.from({ length: 60 }, (_, i) => ({ label: `明细${i + 1}`, values: [i] })) }],
      },
    };
    const pages = plan([grouped]);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(texts(page).some((t) => t.text.includes('分组甲'))).toBe(true);
  });
});
