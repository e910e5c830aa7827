import { describe, expect, test } from 'vitest';
import type { ResolvedReport } from '../../forms/resolvedReport/resolvedReport.ts';
import { createFixedMeasurer } from '../../text/measure/measure.ts';
import { describeDocument } from './describeDocument.ts';

const measurer = createFixedMeasurer('㐀');

describe('describeDocument', () => {
  test('title on one line, issuer as author, subject, keywords, watermark; checked like printed text', () => {
    const report: ResolvedReport = {
      meta: { title: ['某局', '年度报告\u200b'], issuer: '某局㐀', year: 2021, subject: '政务公开', keywords: ['年报', '公开'] },
      draft: { watermark: '征求意见稿' },
      sections: [],
    };
    const { info, warnings } = describeDocument(report, { measurer });
    expect(info).toStrictEqual({ title: '某局年度报告', author: '某局㐀', subject: '政务公开', keywords: '年报, 公开', watermark: '征求意见稿' });
    expect(warnings.map((w) => `${w.code} ${w.pathText}`)).toEqual(['invisible_character_removed meta.title[1]', 'missing_glyph meta.issuer']);
  });

  test('leaves out what the report does not give', () => {
    const { info } = describeDocument({ meta: { title: '报告', issuer: '某局', year: 2021 }, sections: [] }, { measurer });
    expect(info).toStrictEqual({ title: '报告', author: '某局' });
  });
});
