import { describe, expect, test } from 'vitest';
import { resolvePreset } from '../../render/presets/resolvePreset.ts';
import { createFixedMeasurer } from '../../text/measure/measure.ts';
import { pageFrame } from '../frame/pageFrame.ts';
import type { FlowBlock } from './flowBlock.ts';
import type { FlowItem } from './flowItem.ts';
import { setBlock, setBlocks } from './setBlocks.ts';

// Fixed-width fake: CJK characters are 1 em; on the GB/T 9704 grid a body line holds exactly 28.
const preset = resolvePreset('gbt9704');
const measurer = createFixedMeasurer('㐀');
const context = { preset, measurer };
const portrait = pageFrame(preset, false);
const landscape = pageFrame(preset, true);
const body = (text: string) => ({ text, face: 'body' as const, size: 16 });
const textOf = (item: FlowItem | undefined) => (item?.kind === 'lines' ? item.lines.map((l) => l.texts.map((t) => t.text).join('')) : []);
const chars = (n: number) => '政府信息公开'.repeat(Math.ceil(n / 6)).slice(0, n);
const table = { bands: [{ corner: '项目', columns: ['数量'], rows: [{ label: '一', values: [1] }] }] };

describe('one setter per kind of block', () => {
  test('title: centred balanced lines kept with what follows, then the blank lines after it', () => {
    const { items } = setBlock({ kind: 'title', lines: ['年度报告'], explicit: false, path: ['meta', 'title'] }, portrait, context);
    expect(items.map((i) => i.kind)).toEqual(['lines', 'space']);
    const [title, space] = items;
    expect(title).toMatchObject({ keepWithNext: true, splittable: false, note: 'title' });
    expect(title?.kind === 'lines' && title.lines[0]!.height).toBe(36);
    expect(title?.kind === 'lines' && title.lines[0]!.texts[0]!.x).toBeCloseTo((portrait.textWidth - 4 * 22) / 2, 9);
    expect(space).toStrictEqual({ kind: 'space', height: portrait.bodyPitch });
  });

  test('paragraph: 2-character indent, 28 characters a line, one pitch each, splittable', () => {
    const { items } = setBlock({ kind: 'paragraph', runs: [body(chars(30))], paths: [['intro', 0]] }, portrait, context);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'lines', splittable: true, keepWithNext: false });
    expect(textOf(items[0]).map((l) => [...l].length)).toEqual([26, 4]);
    expect(items[0]?.kind === 'lines' && items[0].lines.every((l) => l.height === portrait.bodyPitch)).toBe(true);
  });

  test('heading: kept with what follows, never split, with its bookmark', () => {
    const outline = { id: 'o1', title: '一、总体' };
    const { items } = setBlock({ kind: 'heading', level: 0, runs: [{ text: '一、', face: 'heading', size: 16 }, { text: '总体', face: 'heading', size: 16 }], paths: [['n'], ['h']], outline }, portrait, context);
    expect(items[0]).toMatchObject({ kind: 'lines', keepWithNext: true, splittable: false, outline, note: 'heading 一、总体' });
  });

  test('table: a sized table item, the 续表 line, and warnings at the paths the caller wrote', () => {
    const withMissing = { bands: [{ corner: '项目', columns: ['数量'], rows: [{ label: '一㐀', values: ['1㐀'] }] }] };
    const block: FlowBlock = { kind: 'table', table: withMissing, source: { kind: 'form', form: 'table4', valueKeys: [[[['review', 'total']]]] }, path: ['sections', 0, 'content', 2] };
    const { items, warnings } = setBlock(block, portrait, context);
    expect(items[0]).toMatchObject({ kind: 'table', keepTogether: true, minRowsBeforeBreak: 3, path: ['sections', 0, 'content', 2] });
    const item = items[0]!;
    expect(item.kind === 'table' ? item.continuedLine.texts.map((t) => t.text) : []).toEqual(['续表']);
    expect(warnings.map((w) => w.pathText)).toEqual(['sections[0].content[2].data.review.total', 'sections[0].content[2].data']);
  });

  test('a table caption (and an image caption, the same setter) breaks like a title: between words, never inside 政府信息公开 when another break will do', () => {
    // 40 characters of 14 pt do not fit the 156 mm line; the old balanced breaker cut 政府 / 信息公开.
    const caption = '附表2 某市生态环境局2021年主动公开政府信息情况及行政复议和行政诉讼情况';
    const captionOf = (item: FlowItem | undefined) => (item?.kind === 'table' ? item.caption : []).map((l) => l.texts.map((t) => t.text).join(''));
    const tableItem = setBlock({ kind: 'table', table: { ...table, caption }, source: { kind: 'inline' }, path: ['sections', 0, 'content', 0, 'table'] }, portrait, context).items[0];
    expect(captionOf(tableItem)).toEqual(['附表2 某市生态环境局2021年', '主动公开政府信息情况及行政复议和行政诉讼情况']);
    // Centred, one line each at least a body pitch high.
    const lines = tableItem?.kind === 'table' ? tableItem.caption : [];
    expect(lines.every((l) => l.height >= portrait.bodyPitch)).toBe(true);
    expect(lines[1]!.texts[0]!.x).toBeGreaterThan(0);
  });

  test('attachment: a new page in its orientation, the label with its bookmark, the title on its line', () => {
    const outline = { id: 'o9', title: '附件1 统计表' };
    const { items } = setBlock({ kind: 'attachment', label: '附件1', title: '统计表', landscape: true, path: ['attachments', 0], outline }, landscape, context);
    expect(items.map((i) => i.kind)).toEqual(['newPage', 'lines', 'space', 'lines', 'space']);
    expect(items[0]).toStrictEqual({ kind: 'newPage', landscape: true });
    expect(items[1]).toMatchObject({ outline, keepWithNext: true });
    expect(items[2]).toStrictEqual({ kind: 'space', height: (preset.attachment.titleLine - 2) * landscape.bodyPitch });
  });

  test('signature: blank lines for the seal, the issuer centred over the date, the date 4 characters from the right; kept together', () => {
    const { items } = setBlock({ kind: 'signature', issuer: '某某局', issuerPath: ['meta', 'issuer'], date: '2022年1月5日', path: ['meta', 'date'] }, portrait, context);
    const item = items[0]!;
    expect(item).toMatchObject({ kind: 'lines', keepTogether: true, splittable: false });
    if (item.kind !== 'lines') throw new Error('lines expected');
    expect(item.lines.map((l) => l.texts.length)).toEqual([0, 0, 1, 1]);
    const [issuer, date] = [item.lines[2]!, item.lines[3]!];
    // 年月日 are 1 em and the six digits ½ em; tracking follows every character but the last.
    const dateWidth = 3 * 16 + 6 * 8 + 8 * portrait.bodyTracking;
    const dateRight = portrait.textWidth - 4 * portrait.charWidth;
    expect(date.texts[0]!.x + dateWidth).toBeCloseTo(dateRight, 6);
    const issuerWidth = 3 * 16 + 2 * portrait.bodyTracking;
    expect(issuer.texts[0]!.x + issuerWidth / 2).toBeCloseTo(date.texts[0]!.x + dateWidth / 2, 6);
  });

  test('date line: right-aligned to where the signature date ends', () => {
    const { items } = setBlock({ kind: 'dateLine', text: '印发', path: ['draft', 'dateLine'] }, portrait, context);
    const line = items[0]?.kind === 'lines' ? items[0].lines[0]! : undefined;
    expect(line!.texts[0]!.x + 2 * 16 + portrait.bodyTracking).toBeCloseTo(portrait.textWidth - 4 * portrait.charWidth, 6);
  });
});

describe('setBlocks', () => {
  test('sets each block in the frame of the last attachment, and collects warnings in order', () => {
    const blocks: FlowBlock[] = [
      { kind: 'paragraph', runs: [body('甲㐀')], paths: [['intro', 0]] },
      { kind: 'attachment', label: '附件1', landscape: true, path: ['attachments', 0], outline: { id: 'o1', title: '附件1' } },
      { kind: 'table', table, source: { kind: 'inline' }, path: ['attachments', 0, 'content', 0, 'table'] },
      { kind: 'paragraph', runs: [body('乙㐀')], paths: [['attachments', 0, 'content', 1]] },
    ];
    const { items, warnings } = setBlocks(blocks, context);
    expect(items.map((i) => i.kind)).toEqual(['lines', 'newPage', 'lines', 'table', 'lines']);
    const sized = items[3]?.kind === 'table' ? items[3].table : undefined;
    expect(sized!.columnWidths.reduce((a, b) => a + b, 0)).toBeCloseTo(landscape.textWidth, 6);
    expect(warnings.map((w) => `${w.code} ${w.pathText}`)).toEqual(['missing_glyph intro[0]', 'missing_glyph attachments[0].content[1]']);
  });
});
