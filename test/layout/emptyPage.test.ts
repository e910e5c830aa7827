import { describe, expect, test } from 'vitest';
import { createRenderer } from '../../src/index.ts';

// With the real Noto fonts: a report whose last block is a table (no signature: the report has no
// date) and the table's last row ends on the last grid line of a page. The paginator used to open
// a page as soon as the grid snap reached the bottom, leaving an empty last page (only its folio).
const renderer = createRenderer();
const report = (rows: number) => ({
  meta: { title: '某局2021年政府信息公开工作年度报告', issuer: '某局', year: 2021 },
  sections: [{ heading: '总体情况', content: [{ table: { caption: '表1 测试表', corner: '项目', columns: ['本年', '上年'], rows: Array.from({ length: rows }, (_, i) => ({ label: `第${i + 1}项`, values: [i, i * 2] })) } }] }],
});

describe('no empty page after a table that ends at the bottom of the last page', () => {
  // 23, 24 and 28 rows end on the last grid line of page 1 (28 with a short 续表 moved), 53 and 54 on page 2's.
  test.each([23, 24, 28, 53, 54])('%i rows: every page holds more than its folio, and the PDF has the planned pages', async (rows) => {
    const { plan } = await renderer.plan(report(rows));
    for (const page of plan.pages) expect(page.items.filter((item) => item.kind !== 'text' || !/^— \d+ —$/u.test(item.text)).length).toBeGreaterThan(0);
    const { pageCount } = await renderer.render(report(rows));
    expect(pageCount).toBe(plan.pages.length);
  });
});
