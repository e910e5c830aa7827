import { describe, expect, test } from 'vitest';
import { resolvePreset } from '../../render/presets/resolvePreset.ts';
import { heading, line, paragraph, table } from '../_testing/flowItems.ts';
import type { FlowItem } from '../flow/flowItem.ts';
import { pageFrame } from '../frame/pageFrame.ts';
import { paginate } from './paginate.ts';
import type { PageLayout, Pagination } from './pagination.ts';

// Hand-written flow items on the GB/T 9704 page: 22 body lines of `pitch` fill the text block exactly.
const preset = resolvePreset('gbt9704');
const frame = pageFrame(preset, false);
const pitch = frame.bodyPitch;
const run = (items: readonly FlowItem[], layoutPreset = preset): Pagination => paginate(items, { preset: layoutPreset });

/** The texts of a page's line pieces, top to bottom. */
const texts = (page: PageLayout) => page.pieces.flatMap((piece) => (piece.kind === 'line' ? piece.line.texts.map((t) => t.text) : []));
const rows = (page: PageLayout) => page.pieces.flatMap((piece) => (piece.kind === 'tableRows' ? [`${piece.segment.from}–${piece.segment.to}@${Math.round(piece.y)}`] : []));

describe('paginate: lines on exact page boundaries', () => {
  test('22 lines fill a page exactly; the text block is 22 pitches', () => {
    expect(frame.textHeight / pitch).toBeCloseTo(22, 9);
    const { pages } = run([paragraph(22, pitch)]);
    expect(pages).toHaveLength(1);
    expect(texts(pages[0]!)).toHaveLength(22);
    expect(pages[0]!.pieces.map((p) => Math.round(p.y / pitch))).toEqual(Array.from({ length: 22 }, (_, i) => i));
  });

  test('a 23rd line goes over, and takes the 22nd with it (no widow)', () => {
    const { pages } = run([paragraph(23, pitch)]);
    expect(texts(pages[0]!)).toHaveLength(21);
    expect(texts(pages[1]!)).toEqual(['P22', 'P23']);
    expect(pages[1]!.notes).toEqual(['paragraph P (continued)']);
  });

  test('a paragraph whose second line would not fit starts on the next page (no orphan)', () => {
    const { pages } = run([paragraph(21, pitch, 'A'), paragraph(5, pitch, 'B')]);
    expect(texts(pages[0]!)).toHaveLength(21);
    expect(texts(pages[1]!)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']);
    // A one-line paragraph has no orphan: it takes the last line.
    expect(run([paragraph(21, pitch, 'A'), paragraph(1, pitch, 'B')]).pages).toHaveLength(1);
  });

  test('a heading moves to the next page unless two lines of what follows fit under it', () => {
    const moved = run([paragraph(20, pitch), heading(pitch), paragraph(4, pitch, 'B')]).pages;
    expect(texts(moved[0]!)).toHaveLength(20);
    expect(texts(moved[1]!)[0]).toBe('H');
    const kept = run([paragraph(19, pitch), heading(pitch), paragraph(4, pitch, 'B')]).pages;
    expect(texts(kept[0]!).slice(19)).toEqual(['H', 'B1', 'B2']);
    expect(kept[0]!.pieces[19]).toMatchObject({ kind: 'line', outline: { id: 'H' } });
  });

  test('space is dropped at the top of a page and otherwise snaps the next text back to the grid', () => {
    const odd: FlowItem = { kind: 'lines', lines: [line(36, 'T')], keepWithNext: false, splittable: false, note: 'title' };
    const { pages } = run([{ kind: 'space', height: 100 }, odd, { kind: 'space', height: pitch }, paragraph(1, pitch)]);
    // (+ 0: snapping 0 to the grid gives −0)
    expect(pages[0]!.pieces.map((p) => p.y + 0)).toEqual([0, 3 * pitch]);
  });

  test('an attachment page start replaces the still empty first page, and otherwise opens a page', () => {
    expect(run([{ kind: 'newPage', landscape: true }, paragraph(1, pitch)]).pages.map((p) => p.frame.landscape)).toEqual([true]);
    expect(run([paragraph(1, pitch), { kind: 'newPage', landscape: true }, paragraph(1, pitch)]).pages.map((p) => p.frame.landscape)).toEqual([false, true]);
  });
});

describe('paginate: tables', () => {
  test('a long table breaks between rows and continues under 续表 with its head again', () => {
    // Head 30 + 30 rows of 20 = 630 ≤ 637.8; the 31st row goes over.
    const { pages } = run([table(30, Array.from({ length: 40 }, () => 20))]);
    expect(pages).toHaveLength(2);
    expect(rows(pages[0]!)).toEqual(['0–29@0']);
    expect(texts(pages[1]!)).toEqual(['续表']);
    expect(rows(pages[1]!)).toEqual(['30–39@20']);
    expect(pages[1]!.pieces.map((p) => p.kind)).toEqual(['line', 'tableRows']);
  });

  test('a table that fits on a page is kept whole (keepTogether): it moves to the next page', () => {
    const items = [paragraph(15, pitch), table(30, Array.from({ length: 8 }, () => 30))];
    const { pages } = run(items);
    expect(rows(pages[0]!)).toEqual([]);
    expect(rows(pages[1]!)).toEqual(['0–7@0']);
  });

  test('without keepTogether it starts where minRowsBeforeBreak rows fit, and continues', () => {
    // 7 lines left (202.9 pt): head 30 + 5 rows of 30 fit.
    const { pages } = run([paragraph(15, pitch), table(30, Array.from({ length: 8 }, () => 30), { keepTogether: false })]);
    expect(rows(pages[0]!)).toEqual([`0–4@${Math.round(15 * pitch)}`]);
    expect(rows(pages[1]!)).toEqual(['5–7@20']);
    // 2 lines left: not even the head and three rows, so it moves.
    const tight = run([paragraph(20, pitch), table(30, Array.from({ length: 8 }, () => 30), { keepTogether: false })]).pages;
    expect(rows(tight[0]!)).toEqual([]);
  });

  test('a caption stays with the table: both move when the opening does not fit', () => {
    const caption = [line(pitch, '表1')];
    const { pages } = run([paragraph(20, pitch), table(30, [30, 30, 30, 30], { caption })]);
    expect(texts(pages[0]!)).not.toContain('表1');
    expect(texts(pages[1]!)[0]).toBe('表1');
    expect(rows(pages[1]!)).toEqual([`0–3@${Math.round(pitch)}`]);
  });

  test('a table ending on the last grid line of the last page opens no empty page after it', () => {
    // Head 30 + 30 rows of 20 = 630 pt: inside the 22nd grid line, which snapping rounds up to the page bottom.
    const rowsOf30 = Array.from({ length: 30 }, () => 20);
    const { pages } = run([table(30, rowsOf30)]);
    expect(pages).toHaveLength(1);
    expect(rows(pages[0]!)).toEqual(['0–29@0']);
    // Before an attachment's page start, no empty page either; text after it still goes to the next page.
    expect(run([table(30, rowsOf30), { kind: 'newPage', landscape: false }, paragraph(1, pitch)]).pages.map((p) => p.pieces.length)).toEqual([1, 1]);
    const after = run([table(30, rowsOf30), paragraph(2, pitch)]).pages;
    expect(after).toHaveLength(2);
    expect(texts(after[1]!)).toEqual(['P1', 'P2']);
    expect(after[1]!.pieces[0]!.y).toBe(0);
    // Space at the bottom of a page is dropped the same way.
    expect(run([paragraph(21, pitch), { kind: 'space', height: pitch }]).pages).toHaveLength(1);
  });

  test('after a table the text returns to the grid', () => {
    const { pages } = run([table(30, [20]), paragraph(1, pitch)]);
    expect(pages[0]!.pieces.at(-1)!.y).toBeCloseTo(2 * pitch, 9);
  });
});

describe('paginate is pure', () => {
  test('does not change its input and gives the same pages twice', () => {
    const items = [paragraph(30, pitch), table(30, Array.from({ length: 40 }, () => 20))];
    const copy = structuredClone(items);
    const first = run(items);
    expect(items).toStrictEqual(copy);
    expect(run(copy)).toStrictEqual(first);
  });
});
