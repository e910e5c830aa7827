#!/usr/bin/env node
/**
 * The pagination corpus of issue 15: every example (own layout, and each seed in every preset),
 * every boundary case, and generated variants that put each kind of block at every line
 * position of a page (the prose before it grows line by line). Prints, over the corpus: pages
 * with a forbidden break (heading/caption at a page end, signature alone), 续表 pieces under
 * minRowsBeforeBreak rows, pages more than half empty (not the last page, not before an
 * attachment), and total pages; `--problems` lists each problem.
 *
 *   node --import tsx scripts/pagination-corpus.mjs [--first-fit] [--problems]
 *
 * `--first-fit` measures the first-fit paginator (before issue 15), otherwise paginateByCost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveForms } from '../src/forms/resolveForms/resolveForms.ts';
import { collectBlocks } from '../src/layout/flow/collectBlocks.ts';
import { setBlocks } from '../src/layout/flow/setBlocks.ts';
import { paginate } from '../src/layout/paginate/paginate.ts';
import { paginateByCost } from '../src/layout/paginate/paginateByCost.ts';
import { scorePagination } from '../src/layout/paginate/scorePagination.ts';
import { createFontRegistry } from '../src/render/fonts/fontRegistry.ts';
import { resolvePreset } from '../src/render/presets/resolvePreset.ts';
import { validateReport } from '../src/schema/validateReport/validateReport.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const jsonIn = (dir) => readdirSync(join(root, dir)).filter((n) => n.endsWith('.json')).sort().map((n) => ({ name: basename(n, '.json'), input: JSON.parse(readFileSync(join(root, dir, n), 'utf8')) }));
const CHARS = '政府信息公开工作年度报告按照有关规定编制发布内容真实准确完整';
/** A paragraph of exactly `n` body lines on the GB/T 9704 grid (2-character indent, 28 a line). */
const prose = (n, seed = 0) => Array.from({ length: n === 1 ? 20 : 26 + 28 * (n - 2) + 10 }, (_, i) => CHARS[(i + seed) % CHARS.length]).join('');
const rows = (n) => Array.from({ length: n }, (_, i) => ({ label: `第${i + 1}项`, values: [i, i * 2] }));
const table = (n, caption) => ({ table: { caption, corner: '项目', columns: ['本年', '上年'], rows: rows(n) } });

/** The blocks placed after the prose, one kind each. */
const KINDS = {
  heading: () => [{ heading: '落点标题', content: [prose(3, 5)] }],
  shortTable: () => [table(8, '表1 短表')],
  pageTable: () => [table(22, '表4 整页表'), prose(2, 1)],
  longTable: () => [table(30, '表2 长表'), prose(2, 3)],
  table3: () => [{ form: 'table3', version: '2021', caption: '表三', data: { newlyReceived: { naturalPerson: 1, total: 1 } } }],
  signature: () => [],
  attachment: () => [],
};

function variants() {
  const out = [];
  for (const [kind, blocks] of Object.entries(KINDS)) {
    for (let n = 1; n <= 44; n++) {
      const input = {
        meta: { title: '某局2021年政府信息公开工作年度报告', issuer: '某局', year: 2021, date: '2022-01-20' },
        form: '2021',
        sections: [{ heading: '总体情况', content: [prose(n), ...blocks()] }],
        ...(kind === 'attachment' ? { attachments: [{ label: '附件1', title: '统计表', content: [table(5, '表3')] }] } : {}),
      };
      out.push({ name: `generated ${kind} after ${n} lines`, input });
    }
  }
  return out;
}

const measurer = createFontRegistry().measurer;
const corpus = [];
for (const example of jsonIn('examples')) {
  corpus.push({ name: example.name, input: example.input });
  if (example.name.startsWith('seed-')) for (const layout of ['gbt9704', 'compact']) corpus.push({ name: `${example.name}--${layout}`, input: example.input, layout });
}
for (const boundary of jsonIn('test/visual/cases')) corpus.push(boundary);
corpus.push(...variants());

const totals = { reports: 0, forbidden: 0, shortContinuations: 0, avoidableSplits: 0, emptyPages: 0, pages: 0 };
const problems = [];
let slowest = { name: '', ms: 0 };
for (const entry of corpus) {
  const validated = validateReport(entry.input);
  if (!validated.ok) throw new Error(`${entry.name}: ${JSON.stringify(validated.issues.slice(0, 2))}`);
  const report = resolveForms(validated.report).report;
  const preset = resolvePreset(entry.layout ?? report.layout ?? 'gbt9704');
  const context = { preset, measurer };
  const { items } = setBlocks(collectBlocks(report, preset), context);
  const started = performance.now();
  const pagination = (process.argv.includes('--first-fit') ? paginate : paginateByCost)(items, context);
  const ms = performance.now() - started;
  if (ms > slowest.ms) slowest = { name: entry.name, ms };
  const score = scorePagination(pagination, { minContinuedRows: preset.table.minRowsBeforeBreak, minRowScale: preset.table.minRowScale ?? 1 });
  totals.reports += 1;
  totals.forbidden += score.forbidden;
  totals.shortContinuations += score.shortContinuations;
  totals.avoidableSplits += score.avoidableSplits;
  totals.emptyPages += score.emptyPages;
  totals.pages += score.pages;
  for (const problem of score.problems) problems.push(`${entry.name}: ${problem}`);
}
// The largest cases: a 5,000-row table and a 200-section report.
const timeOf = (input) => {
  const report = resolveForms(validateReport(input).report).report;
  const preset = resolvePreset('gbt9704');
  const { items } = setBlocks(collectBlocks(report, preset), { preset, measurer });
  const started = performance.now();
  const pagination = (process.argv.includes('--first-fit') ? paginate : paginateByCost)(items, { preset });
  return `${(performance.now() - started).toFixed(1)} ms, ${pagination.pages.length} pages`;
};
const meta = { title: '大表', issuer: '某局', year: 2021, date: '2022-01-20' };
const large = {
  table5000: timeOf({ meta, sections: [{ heading: '统计', content: [table(5000, '表 大表')] }] }),
  sections200: timeOf({ meta, sections: Array.from({ length: 200 }, (_, i) => ({ heading: `第${i + 1}节`, content: [prose(1 + (i % 9), i), table(3 + (i % 7), `表${i + 1}`)] })) }),
};
console.log(JSON.stringify({ ...totals, slowestPaginate: `${slowest.name} ${slowest.ms.toFixed(1)} ms`, paginateLargest: large }, null, 2));
if (process.argv.includes('--problems')) for (const p of problems) console.log(p);
