import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { resolveForms } from '../../forms/resolveForms/resolveForms.ts';
import { resolvePreset } from '../../render/presets/resolvePreset.ts';
import { validateReport } from '../../schema/validateReport/validateReport.ts';
import { createFixedMeasurer } from '../../text/measure/measure.ts';
import { collectBlocks } from '../flow/collectBlocks.ts';
import { setBlocks } from '../flow/setBlocks.ts';
import { paginate } from './paginate.ts';
import { paginateByCost } from './paginateByCost.ts';
import { filled, scorePagination } from './scorePagination.ts';
import { pageFrame } from '../frame/pageFrame.ts';
import { table as tableOf } from '../_testing/flowItems.ts';

const lastRows = (pagination: ReturnType<typeof paginate>) => {
  const pieces = pagination.pages.flatMap((page) => page.pieces).filter((p) => p.kind === 'tableRows');
  return pieces.at(-1) as Extract<(typeof pieces)[number], { kind: 'tableRows' }>;
};
const tableItem = (rows: number) => tableOf(30, Array.from({ length: rows }, () => 20), { keepTogether: false });

// Fixed-width fake: every CJK character is 1 em, so `prose(n)` sets in exactly n grid lines.
const measurer = createFixedMeasurer();
const preset = resolvePreset('gbt9704');
const context = { preset, measurer };
const settings = { minContinuedRows: preset.table.minRowsBeforeBreak, minRowScale: preset.table.minRowScale ?? 1 };
const CHARS = '政府信息公开工作年度报告按照有关规定编制发布内容真实准确完整';
const prose = (n: number, seed = 0) => Array.from({ length: n === 1 ? 20 : 26 + 28 * (n - 2) + 10 }, (_, i) => CHARS[(i + seed) % CHARS.length]).join('');
const table = (n: number, caption: string) => ({ table: { caption, corner: '项目', columns: ['本年', '上年'], rows: Array.from({ length: n }, (_, i) => ({ label: `第${i + 1}项`, values: [i, i * 2] })) } });

/** The block kinds put after the prose, each at every line position as the prose grows. */
const KINDS: Record<string, () => unknown[]> = {
  heading: () => [{ heading: '落点标题', content: [prose(3, 5)] }],
  shortTable: () => [table(8, '表1 短表')],
  pageTable: () => [table(22, '表2 整页表'), prose(2, 1)],
  longTable: () => [table(30, '表3 长表'), prose(2, 3)],
  table3: () => [{ form: 'table3', version: '2021', caption: '表三', data: { newlyReceived: { naturalPerson: 1, total: 1 } } }],
  signature: () => [],
  tinyTable: () => [table(3, '表5 小表')],
};

function itemsOf(kind: string, lines: number, layoutPreset = preset) {
  const input = { meta: { title: '某局2021年政府信息公开工作年度报告', issuer: '某局', year: 2021, date: '2022-01-20' }, form: '2021', sections: [{ heading: '总体情况', content: [prose(lines), ...KINDS[kind]!()] }] };
  const result = validateReport(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return setBlocks(collectBlocks(resolveForms(result.report).report, layoutPreset), { preset: layoutPreset, measurer }).items;
}

describe('paginateByCost', () => {
  test('a signature alone on the last page takes the last two lines of the text before it', () => {
    // First fit: 18 lines fill page 1 after the title and heading, the signature's 4 lines do not fit.
    const items = itemsOf('signature', 18);
    const first = scorePagination(paginate(items, context), settings);
    expect(first.problems).toEqual(['page 2: signature alone']);
    const byCost = paginateByCost(items, context);
    expect(scorePagination(byCost, settings).problems).toEqual([]);
    expect(byCost.pages[1]!.notes).toEqual(['paragraph (continued)', 'signature']);
    expect(byCost.pages[1]!.pieces.filter((p) => p.kind === 'line' && p.line.texts.length > 0)).toHaveLength(4);
  });

  test('a table the preset keeps whole that overflows its page by a row is tightened (rows ≥ minRowScale) and stays whole', () => {
    const items = itemsOf('longTable', 15);
    const first = scorePagination(paginate(items, context), settings);
    expect(first.shortContinuations).toBe(1);
    const byCost = paginateByCost(items, context);
    const pieces = byCost.pages.flatMap((page) => page.pieces).filter((p) => p.kind === 'tableRows');
    expect(pieces.map((p) => (p.kind === 'tableRows' ? `${p.segment.from}–${p.segment.to}` : ''))).toEqual(['0–29']);
    const index = pieces[0]!.item;
    const [before, after] = [items[index], byCost.items[index]];
    if (before?.kind !== 'table' || after?.kind !== 'table') throw new Error('table expected');
    after.table.bands[0]!.bodyHeights.forEach((h, i) => {
      expect(h).toBeLessThan(before.table.bands[0]!.bodyHeights[i]!);
      expect(h).toBeGreaterThanOrEqual(0.92 * before.table.bands[0]!.bodyHeights[i]!);
    });
  });

  test('a 续表 piece of one row of a table that may split takes rows from the page before, up to minRowsBeforeBreak', () => {
    const splitting = { preset: { ...preset, table: { ...preset.table, keepTogether: false } } };
    const rowsOf = (n: number) => [{ kind: 'lines' as const, lines: Array.from({ length: 10 }, () => ({ height: 29, texts: [] })), keepWithNext: false, splittable: true, note: 'p' }, { ...tableItem(n) }];
    // The first row count whose first-fit pagination leaves one row alone on the last page.
    const n = Array.from({ length: 40 }, (_, i) => 30 + i).find((count) => {
      const last = lastRows(paginate(rowsOf(count), splitting));
      return last.segment.from === last.segment.to;
    })!;
    expect(n).toBeDefined();
    const byCost = paginateByCost(rowsOf(n), splitting);
    const last = lastRows(byCost);
    expect(last.segment.to - last.segment.from + 1).toBe(3);
  });

  test('a page left more than half empty by a table moved whole lets that table split instead', () => {
    const items = itemsOf('pageTable', 3);
    expect(scorePagination(paginate(items, context), settings).emptyPages).toBe(1);
    const score = scorePagination(paginateByCost(items, context), settings);
    expect([score.forbidden, score.emptyPages, score.shortContinuations]).toEqual([0, 0, 0]);
  });

  describe('spacing adjustments (preset pagination) that let a lone signature join the page before', () => {
    // Page 1 has 18 lines for text after the title, its blank line and the heading; the signature
    // takes 4 (2 blank lines of seal room, issuer, date). After 15 lines 3 are left, after 16 two.
    const signatureLines = (pagination: ReturnType<typeof paginate>) => pagination.pages.flatMap((page) => page.pieces).filter((p) => p.kind === 'line' && pagination.items[p.item]?.kind === 'lines' && (pagination.items[p.item] as { note: string }).note === 'signature');
    const pitch = pageFrame(preset, false).bodyPitch;
    const textHeight = pageFrame(preset, false).textHeight;
    const onGrid = (pagination: ReturnType<typeof paginate>) => pagination.pages.every((page) => page.pieces.every((p) => p.kind !== 'line' || Math.abs(p.y / pitch - Math.round(p.y / pitch)) < 1e-6 || p.line.height !== pitch));

    test('one blank line of the seal room is taken out (the text stays on the grid) when that saves a page', () => {
      const items = itemsOf('signature', 15);
      expect(scorePagination(paginate(items, context), settings).problems).toEqual(['page 2: signature alone']);
      const byCost = paginateByCost(items, context);
      expect(byCost.pages).toHaveLength(1);
      expect(byCost.pages[0]!.lineScale).toBeUndefined();
      expect(signatureLines(byCost).map((p) => p.kind === 'line' && p.line.texts.length)).toEqual([0, 1, 1]);
      expect(onGrid(byCost)).toBe(true);
    });

    test('with two lines lacking: a blank line out and the page set one line closer (23 lines, GB/T 9704 7.3.5), within the text block', () => {
      const items = itemsOf('signature', 16);
      const byCost = paginateByCost(items, context);
      expect(byCost.pages).toHaveLength(1);
      const [page] = byCost.pages;
      expect(page!.lineScale).toBeCloseTo(21 / 22, 9);
      expect(page!.notes.at(-1)).toBe('23 lines set closer');
      expect(signatureLines(byCost)).toHaveLength(3);
      expect(filled(page!, byCost.items)).toBeLessThanOrEqual(textHeight + 1e-6);
      // Evenly set: every body line one closer pitch below the one before.
      const ys = page!.pieces.filter((p) => p.kind === 'line' && p.line.height === pitch).map((p) => p.y);
      for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThan(0);
      expect(ys.at(-1)! - ys.at(-2)!).toBeCloseTo((21 / 22) * pitch, 6);
    });

    test('each adjustment only as the preset allows: no seal room taken out at minSpaceScale 1, no closer lines at 0, and none without `pagination`', () => {
      const linesOnly = { ...preset, pagination: { minSpaceScale: 1, signaturePageExtraLines: 1 } };
      const closer = paginateByCost(itemsOf('signature', 15, linesOnly), { preset: linesOnly });
      expect(closer.pages).toHaveLength(1);
      expect(closer.pages[0]!.lineScale).toBeDefined();
      expect(signatureLines(closer)).toHaveLength(4);
      const blankOnly = { ...preset, pagination: { minSpaceScale: 0.5, signaturePageExtraLines: 0 } };
      // Two lines lacking, one may go: the text before moves instead (its last two lines).
      const moved = paginateByCost(itemsOf('signature', 16, blankOnly), { preset: blankOnly });
      expect(moved.pages.map((page) => page.notes)).toEqual([['title', 'heading 一、总体情况', 'paragraph'], ['paragraph (continued)', 'signature']]);
      const { pagination: _none, ...plain } = preset;
      const none = paginateByCost(itemsOf('signature', 15, plain), { preset: plain });
      expect(none.pages).toHaveLength(2);
      expect(none.pages.some((page) => page.lineScale !== undefined)).toBe(false);
      expect(signatureLines(none)).toHaveLength(4);
    });

    test('at minSpaceScale 0 the blank line after the title may go too, when the seal room alone is not enough', () => {
      const loose = { ...preset, pagination: { minSpaceScale: 0, signaturePageExtraLines: 0 } };
      // After 17 lines one is left and the signature needs 4: both seal lines and the title's blank line go.
      const items = itemsOf('signature', 17, loose);
      const headingY = (pagination: ReturnType<typeof paginate>) => pagination.pages[0]!.pieces.find((p) => p.kind === 'line' && (pagination.items[p.item] as { note?: string }).note?.startsWith('heading') === true)!.y;
      const first = paginate(items, { preset: loose });
      const byCost = paginateByCost(items, { preset: loose });
      expect(byCost.pages).toHaveLength(1);
      expect(headingY(first) - headingY(byCost)).toBeCloseTo(pitch, 6);
      expect(signatureLines(byCost).map((p) => p.kind === 'line' && p.line.texts.length)).toEqual([1, 1]);
      expect(onGrid(byCost)).toBe(true);
    });

    test('the same input gives the same pages (deterministic)', () => {
      expect(paginateByCost(itemsOf('signature', 16), context)).toStrictEqual(paginateByCost(itemsOf('signature', 16), context));
    });
  });

  test('a lone signature after a short table that starts on its page: the table moves whole with the text before it, not split into a short 续表', () => {
    const blankOnly = { ...preset, pagination: { minSpaceScale: 1, signaturePageExtraLines: 0 } };
    const ctx = { preset: blankOnly };
    // The first prose length whose first fit leaves the signature alone after the whole table.
    const n = Array.from({ length: 20 }, (_, i) => i + 1).find((lines) => {
      const first = paginate(itemsOf('tinyTable', lines, blankOnly), ctx);
      const rows = first.pages.flatMap((page) => page.pieces).filter((p) => p.kind === 'tableRows');
      return scorePagination(first, settings).problems.includes(`page ${first.pages.length}: signature alone`) && rows.length === 1;
    })!;
    expect(n).toBeDefined();
    const byCost = paginateByCost(itemsOf('tinyTable', n, blankOnly), ctx);
    const score = scorePagination(byCost, settings);
    expect([score.forbidden, score.shortContinuations, score.avoidableSplits]).toEqual([0, 0, 0]);
    const rows = byCost.pages.flatMap((page) => page.pieces).filter((p) => p.kind === 'tableRows');
    expect(rows.map((p) => (p.kind === 'tableRows' ? `${p.segment.from}–${p.segment.to}` : ''))).toEqual(['0–2']);
  });

  test('without problems it is first fit, piece for piece', () => {
    const items = itemsOf('heading', 5);
    expect(paginateByCost(items, context)).toStrictEqual(paginate(items, context));
  });

  test('property: every block kind at every line position of two pages: no forbidden break, never worse than first fit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(KINDS)), fc.integer({ min: 1, max: 44 }), (kind, lines) => {
        const items = itemsOf(kind, lines);
        const before = scorePagination(paginate(items, context), settings);
        const after = scorePagination(paginateByCost(items, context), settings);
        expect(after.forbidden).toBe(0);
        expect(after.shortContinuations).toBeLessThanOrEqual(before.shortContinuations);
        expect(after.emptyPages).toBeLessThanOrEqual(before.emptyPages);
        // Lines are set closer only on a page of text lines, and stay in the text block.
        for (const page of paginateByCost(items, context).pages) {
          if (page.lineScale === undefined) continue;
          expect(page.pieces.every((piece) => piece.kind === 'line')).toBe(true);
        }
      }),
      { numRuns: 120, seed: 15 },
    );
  });
});
