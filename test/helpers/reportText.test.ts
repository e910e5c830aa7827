import { describe, expect, test } from 'vitest';
import { collectExpectedText, hasFormBlocks } from './reportText.ts';

const report = {
  meta: { title: ['某某局2020年', '政府信息公开工作年度报告'], issuer: '某某局', year: 2020 },
  intro: ['引言。', { lead: '一是', text: '加强领导。' }],
  sections: [
    {
      heading: '总体情况',
      content: [
        '正文。',
        { heading: '子节', number: '（一）', content: [{ image: { data: '', caption: '图一' } }] },
        { form: 'table4', caption: '表四', data: { review: { upheld: 3, corrected: [1, 2] }, amount: '12.5', note: 'x' } },
      ],
    },
  ],
  attachments: [
    {
      label: '附件2',
      title: '统计表',
      content: [
        {
          heading: '主动公开',
          number: null,
          content: [
            {
              table: {
                caption: '表二',
                notes: ['注：单位为件'],
                bands: [{ title: '第二十条第（一）项', corner: '信息内容', columns: ['本年新制作数量', '对外公开总数量'], rows: [{ label: '规章', values: [0, null] }] }],
              },
            },
          ],
        },
        {
          table: {
            columns: [{ label: '申请人情况', children: ['自然人', '总计'] }],
            rows: [{ label: '三、本年度办理结果', children: [{ label: '（一）予以公开', values: [12, 'n/a'] }] }, { values: [1, 2] }],
          },
        },
      ],
    },
  ],
};

describe('collectExpectedText', () => {
  const expected = collectExpectedText(report);

  test('should list the title lines', () => {
    expect(expected.titleLines).toStrictEqual(['某某局2020年', '政府信息公开工作年度报告']);
  });

  test('should list the body in document order, with paths', () => {
    expect(expected.body.map(({ kind, text }) => `${kind}:${text}`)).toStrictEqual([
      'paragraph:引言。',
      'paragraph:一是加强领导。',
      'heading:总体情况',
      'paragraph:正文。',
      'heading:(一)子节',
      'caption:图一',
      'caption:表四',
      'number:3',
      'number:1',
      'number:2',
      'number:12.5',
    ]);
    expect(expected.body[4]?.path).toBe('sections[0].content[1].heading');
  });

  test('should list each attachment from its label, tables with labels and rows', () => {
    expect(expected.attachments.map((a) => a.label)).toStrictEqual(['附件2']);
    expect(expected.attachments[0]?.items.map(({ kind, text }) => `${kind}:${text}`)).toStrictEqual([
      'attachment-label:附件2',
      'attachment-title:统计表',
      'heading:主动公开',
      'caption:表二',
      'band-title:第二十条第(一)项',
      'corner:信息内容',
      'column:本年新制作数量',
      'column:对外公开总数量',
      'row:规章0',
      'note:注:单位为件',
      'column:申请人情况',
      'column:自然人',
      'column:总计',
      'row-label:三、本年度办理结果',
      'row:(一)予以公开12n/a',
      'row:12',
    ]);
  });

  test('should tell whether a report has form blocks', () => {
    expect([hasFormBlocks(report), hasFormBlocks({ ...report, sections: [], form: '2019' })]).toStrictEqual([true, false]);
  });

  test('should reject input without meta', () => {
    expect(() => collectExpectedText({})).toThrow(/no `meta`/u);
  });
});
