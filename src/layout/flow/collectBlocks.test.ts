import { describe, expect, test } from 'vitest';
import type { ResolvedReport } from '../../forms/resolvedReport/resolvedReport.ts';
import { resolvePreset } from '../../render/presets/resolvePreset.ts';
import { collectBlocks, formatChineseDate } from './collectBlocks.ts';

const preset = resolvePreset('gbt9704');
const table = { bands: [{ columns: ['甲'], rows: [{ label: '一', values: [1] }] }] };

const report: ResolvedReport = {
  meta: { title: ['某局', '年度报告'], issuer: '某局', year: 2021, date: '2022-01-05' },
  intro: ['引言'],
  sections: [
    { heading: '总体情况', content: [{ lead: '一是', text: '加强领导。' }, { heading: '子节', content: ['正文'] }, { heading: '不编号', number: null }] },
    { heading: '统计', number: '二、', content: [{ table, source: { kind: 'bands' } }, { table, source: { kind: 'form', form: 'table4', valueKeys: [[[['review', 'total']]]] } }] },
  ],
  attachments: [{ label: '附件1', title: '统计表', orientation: 'landscape', content: [{ table, source: { kind: 'inline' } }] }],
};

describe('collectBlocks', () => {
  const blocks = collectBlocks(report, preset);

  test('lists the blocks in print order', () => {
    expect(blocks.map((b) => b.kind)).toEqual(['title', 'paragraph', 'heading', 'paragraph', 'heading', 'paragraph', 'heading', 'heading', 'table', 'table', 'signature', 'attachment', 'table']);
  });

  test('numbers sections from the nesting, keeps a given number, prints none for null', () => {
    const headings = blocks.flatMap((b) => (b.kind === 'heading' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(headings).toEqual(['一、总体情况', '（一）子节', '不编号', '二、统计']);
    const sub = blocks.find((b) => b.kind === 'heading' && b.level === 1);
    expect(sub).toMatchObject({ outline: { id: 'o2', parentId: 'o1', title: '（一）子节' }, paths: [['sections', 0, 'content', 1, 'number'], ['sections', 0, 'content', 1, 'heading']] });
  });

  test('a lead phrase is its own run in the lead face, with its path', () => {
    const lead = blocks[3]!;
    expect(lead).toMatchObject({ kind: 'paragraph', runs: [{ text: '一是', face: 'heading' }, { text: '加强领导。', face: 'body' }], paths: [['sections', 0, 'content', 0, 'lead'], ['sections', 0, 'content', 0, 'text']] });
  });

  test('a table keeps its source; a form table\'s path is the form block\'s, any other the table key', () => {
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables.map((b) => [b.source.kind, b.path])).toEqual([
      ['bands', ['sections', 1, 'content', 0, 'table']],
      ['form', ['sections', 1, 'content', 1]],
      ['inline', ['attachments', 0, 'content', 0, 'table']],
    ]);
  });

  test('the signature takes issuer and date from meta, the date in Chinese; attachments carry orientation and bookmark', () => {
    expect(blocks.find((b) => b.kind === 'signature')).toStrictEqual({ kind: 'signature', issuer: '某局', issuerPath: ['meta', 'issuer'], date: '2022年1月5日', path: ['meta', 'date'] });
    expect(blocks.find((b) => b.kind === 'attachment')).toMatchObject({ landscape: true, outline: { title: '附件1 统计表' } });
    expect(blocks[0]).toStrictEqual({ kind: 'title', lines: ['某局', '年度报告'], explicit: true, path: ['meta', 'title'] });
  });

  test('formatChineseDate drops leading zeros', () => {
    expect(formatChineseDate('2021-01-05')).toBe('2021年1月5日');
  });
});
