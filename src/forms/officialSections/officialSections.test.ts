import { describe, expect, test } from 'vitest';
import { OFFICIAL_SECTIONS } from './officialSections.ts';

describe('OFFICIAL_SECTIONS', () => {
  test('the six headings, numbered, with their tables', () => {
    expect(OFFICIAL_SECTIONS.map((s) => `${s.number}${s.heading}${s.table === undefined ? '' : ` [${s.table}]`}`)).toStrictEqual([
      '一、总体情况',
      '二、主动公开政府信息情况 [table2]',
      '三、收到和处理政府信息公开申请情况 [table3]',
      '四、政府信息公开行政复议、行政诉讼情况 [table4]',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });
});
