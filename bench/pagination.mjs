#!/usr/bin/env node
// Pagination alone (issue 15): the time of the paginator, first fit (`paginate`) and by cost
// (`paginateByCost`: first fit, then candidate paginations where a break has a problem), on items
// already set (collect and set run once, outside the timing), for one long table (1,100 /
// 2,000 / 5,000 rows: sizes whose last pages hold the same rows, so by cost meets the same
// problem) and reports of 50 / 100 / 200 sections (a heading, prose and a table each).
// Prints the median ms of each, the µs per block (a block is what the paginator places: a text
// line, a table row, an image), and the growth from the smallest to the largest case against the
// growth in blocks (near-linear: ratio of times ≈ ratio of blocks). By cost runs one pass (a
// pagination and its score, each linear in the blocks) per candidate it tries; the candidates
// depend on the problems first fit leaves, not on the length, so it prints the passes and the
// time per pass too.
//
// Usage: npm run bench:pagination [-- --runs 7]
import { resolveForms } from '../src/forms/resolveForms/resolveForms.ts';
import { collectBlocks } from '../src/layout/flow/collectBlocks.ts';
import { setBlocks } from '../src/layout/flow/setBlocks.ts';
import { paginate } from '../src/layout/paginate/paginate.ts';
import { paginateByCost } from '../src/layout/paginate/paginateByCost.ts';
import { scorePagination } from '../src/layout/paginate/scorePagination.ts';
import { createFontRegistry } from '../src/render/fonts/fontRegistry.ts';
import { resolvePreset } from '../src/render/presets/resolvePreset.ts';
import { validateReport } from '../src/schema/validateReport/validateReport.ts';
import { opt } from './args.mjs';
import { median } from './stats.mjs';

const runs = Number(opt('runs', 7));
const measurer = createFontRegistry().measurer;
const preset = resolvePreset('gbt9704');
const context = { preset, measurer };
const CHARS = '政府信息公开工作年度报告按照有关规定编制发布内容真实准确完整';
const prose = (n, seed = 0) => Array.from({ length: n === 1 ? 20 : 26 + 28 * (n - 2) + 10 }, (_, i) => CHARS[(i + seed) % CHARS.length]).join('');
const table = (n, caption) => ({ table: { caption, corner: '项目', columns: ['本年', '上年'], rows: Array.from({ length: n }, (_, i) => ({ label: `第${i + 1}项`, values: [i, i * 2] })) } });
const meta = { title: '某局2021年政府信息公开工作年度报告', issuer: '某局', year: 2021, date: '2022-01-20' };

const cases = [
  ...[1100, 2000, 5000].map((rows) => ({ group: 'table', name: `table of ${rows} rows`, input: { meta, sections: [{ heading: '统计', content: [table(rows, '表 大表')] }] } })),
  ...[50, 100, 200].map((sections) => ({
    group: 'sections',
    name: `${sections} sections`,
    input: { meta, sections: Array.from({ length: sections }, (_, i) => ({ heading: `第${i + 1}节`, content: [prose(1 + (i % 9), i), table(3 + (i % 7), `表${i + 1}`)] })) },
  })),
];

/** Median ms of at least `runs` calls (more, up to 200, until 300 ms were measured), after two warm-up calls. */
function time(fn) {
  fn();
  fn();
  const times = [];
  let total = 0;
  while (times.length < runs || (total < 300 && times.length < 200)) {
    const started = performance.now();
    fn();
    const ms = performance.now() - started;
    times.push(ms);
    total += ms;
  }
  return median(times);
}

const blocksOf = (items) => items.reduce((sum, item) => sum + (item.kind === 'lines' ? item.lines.length : item.kind === 'table' ? item.table.bands.reduce((n, band) => n + band.bodyHeights.length, 0) + item.caption.length + item.notes.length : item.kind === 'image' ? 1 + item.caption.length : 0), 0);

const rows = [];
for (const c of cases) {
  const validated = validateReport(c.input);
  if (!validated.ok) throw new Error(`${c.name}: ${JSON.stringify(validated.issues.slice(0, 2))}`);
  const { items } = setBlocks(collectBlocks(resolveForms(validated.report).report, preset), context);
  const blocks = blocksOf(items);
  const firstFit = time(() => paginate(items, context));
  const byCost = time(() => paginateByCost(items, context));
  const stats = { candidates: 0, rounds: 0 };
  const pagination = paginateByCost(items, context, stats);
  // Each candidate is one more pass (pagination + score) as long as first fit's: the search is linear per pass.
  const passes = 1 + stats.candidates;
  const score = scorePagination(pagination, { minContinuedRows: preset.table.minRowsBeforeBreak, minRowScale: preset.table.minRowScale ?? 1 });
  const firstScore = scorePagination(paginate(items, context), { minContinuedRows: preset.table.minRowsBeforeBreak, minRowScale: preset.table.minRowScale ?? 1 });
  rows.push({ ...c, items: items.length, blocks, pages: pagination.pages.length, firstFit, byCost, passes, perPass: byCost / passes, problemsBefore: firstScore.problems.length, problemsAfter: score.problems.length });
}

const pad = (text, width) => String(text).padStart(width);
console.log(`Pagination alone, gbt9704, median of ${runs} runs after 2 warm-ups (Node ${process.version})`);
console.log(`${'case'.padEnd(20)}${pad('items', 6)}${pad('blocks', 7)}${pad('pages', 6)}${pad('first fit ms', 13)}${pad('µs/block', 9)}${pad('by cost ms', 11)}${pad('µs/block', 9)}${pad('passes', 7)}${pad('ms/pass', 9)}${pad('µs/block/pass', 14)}${pad('problems ff → cost', 19)}`);
for (const r of rows) {
  console.log(`${r.name.padEnd(20)}${pad(r.items, 6)}${pad(r.blocks, 7)}${pad(r.pages, 6)}${pad(r.firstFit.toFixed(2), 13)}${pad(((1000 * r.firstFit) / r.blocks).toFixed(2), 9)}${pad(r.byCost.toFixed(2), 11)}${pad(((1000 * r.byCost) / r.blocks).toFixed(2), 9)}${pad(r.passes, 7)}${pad(r.perPass.toFixed(2), 9)}${pad(((1000 * r.perPass) / r.blocks).toFixed(2), 14)}${pad(`${r.problemsBefore} → ${r.problemsAfter}`, 19)}`);
}
console.log('');
for (const group of ['table', 'sections']) {
  const [small, large] = [rows.filter((r) => r.group === group).at(0), rows.filter((r) => r.group === group).at(-1)];
  console.log(`growth ${small.name} → ${large.name}: blocks ×${(large.blocks / small.blocks).toFixed(2)}, first fit ×${(large.firstFit / small.firstFit).toFixed(2)}, by cost per pass ×${(large.perPass / small.perPass).toFixed(2)} (by cost in all ×${(large.byCost / small.byCost).toFixed(2)}: ${small.passes} vs ${large.passes} passes)`);
}
console.log(JSON.stringify({ runs, node: process.version, rows: rows.map(({ input: _input, ...r }) => r) }));
