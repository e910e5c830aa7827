// The benchmark inputs for our library, built from the seed report in code (no generated files to keep in sync):
//   seed   : examples/seed-2020-generic-tables.json as it is
//   large  : the same report with 表三 (the application table, 收到和处理政府信息公开申请情况) repeated `repeat` times in
//            its attachment section, as the peers repeat it (the section heading once, then the table N times)
//   rows-N : a one-section report with one generic table of N data rows: 3 row-header levels, 7 numeric columns
//            under a 2-level column header (the same column tree as 表三)
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const repoDir = join(benchDir, '..');
export const SEED_FILE = join(repoDir, 'examples', 'seed-2020-generic-tables.json');

export function seedReport() {
  return JSON.parse(readFileSync(SEED_FILE, 'utf8'));
}

/**
 * Finds 表三 in the seed: the attachment section numbered 三、 (收到和处理政府信息公开申请情况) whose only block is
 * the table. (It is attachments[0].content[1]; content[2] is 四、 the 复议/诉讼 table.)
 */
export function findTable3(report) {
  for (const attachment of report.attachments ?? []) {
    for (const section of attachment.content ?? []) {
      if (section && typeof section === 'object' && String(section.heading ?? '').includes('收到和处理政府信息公开申请')) {
        const index = section.content.findIndex((block) => block && typeof block === 'object' && 'table' in block);
        if (index >= 0) return { section, index };
      }
    }
  }
  throw new Error('表三 (收到和处理政府信息公开申请情况) not found in the seed report');
}

export function largeReport(repeat = 50) {
  const report = seedReport();
  const { section, index } = findTable3(report);
  const block = section.content[index];
  section.content = [
    ...section.content.slice(0, index),
    ...Array.from({ length: repeat }, () => structuredClone(block)),
    ...section.content.slice(index + 1),
  ];
  return report;
}

const COLUMNS = [
  { label: '申请人情况', children: ['自然人', { label: '法人或其他组织', children: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] }, '总计'] },
];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * One table with `rows` leaf rows in 3 row-header levels: groups of 100 rows (level 1), each with 10 sub-groups
 * (level 2) of 10 leaves (level 3); the last group is shorter when rows is not a multiple of 100.
 */
export function rowsReport(rows) {
  const groups = [];
  let made = 0;
  for (let g = 0; made < rows; g++) {
    const subgroups = [];
    for (let s = 0; s < 10 && made < rows; s++) {
      const leaves = [];
      for (let l = 0; l < 10 && made < rows; l++, made++) {
        const values = Array.from({ length: 7 }, (_, c) => ((made + 1) * 37 + c * 101) % 9973);
        leaves.push({ label: `${l + 1}.统计项目第${made + 1}项`, values });
      }
      subgroups.push({ label: `（${CN[s]}）第${s + 1}类`, children: leaves });
    }
    groups.push({ label: `第${g + 1}组 本年度办理结果`, children: subgroups });
  }
  return {
    meta: { title: `行数扩展测试表（${rows}行）`, issuer: '基准测试', year: 2020 },
    sections: [
      {
        heading: '统计表',
        content: [{ table: { caption: `表 ${rows}行三级行标题`, corner: '项目', columns: COLUMNS, rows: groups } }],
      },
    ],
  };
}

/** Builds the named input: 'seed', 'large' (or 'large:<repeat>'), 'rows:<n>'. */
export function buildReport(name) {
  const [kind, arg] = name.split(':');
  if (kind === 'seed') return seedReport();
  if (kind === 'large') return largeReport(arg === undefined ? 50 : Number(arg));
  if (kind === 'rows') return rowsReport(Number(arg));
  throw new Error(`unknown report ${name}`);
}
