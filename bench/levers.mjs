#!/usr/bin/env node
// A/B of one render-side lever (issue 16), interleaved in one process so the machine's load drifts
// the same way for both: plans the report once, then paints the same plan with variant A and B in
// alternating order, N rounds, and prints the medians and the median of the per-round ratios B ÷ A.
//
//   node bench/levers.mjs --lever inline --report large --n 15
//
// Levers: `inline` — A: text nodes as src/render writes them (a plain string; pdfmake resolves ~20
// style properties per run on its style stack), B: one inline per text node carrying every style
// property already resolved (measured slower; not kept, see RESULTS.md "Issue 16 levers").
import { performance } from 'node:perf_hooks';
import { createRenderer } from '../dist/index.js';
import { createFontRegistry } from '../dist/render/fonts/fontRegistry.js';
import { createPdfmakeInstance } from '../dist/render/fonts/pdfmakeRuntime.js';
import { toDocDefinition } from '../dist/render/toDocDefinition/toDocDefinition.js';
import { argv, opt } from './args.mjs';
import { largeReport, seedReport } from './reports.mjs';
import { median } from './stats.mjs';

const reportName = opt('report', 'large');
const n = Number(opt('n', '15'));
const lever = opt('lever', 'inline');
const input = reportName === 'seed' ? seedReport() : largeReport(50);
const { plan } = await createRenderer().plan(input);
const fonts = createFontRegistry();
const instance = createPdfmakeInstance();
const creationDate = new Date('2021-01-15T00:00:00Z');

/** Variant B of the `inline` lever: each text node's string as one inline with its style resolved. */
function resolvedInlines(definition) {
  for (const page of definition.content) {
    for (const node of page.stack) {
      if (typeof node.text !== 'string' || node.text === '') continue;
      const { font, fontSize, characterSpacing } = node;
      node.text = [{ text: node.text, font, fontSize, characterSpacing, lineHeight: 1, noWrap: true, bold: false, italics: false, alignment: 'left', color: 'black', opacity: 1, sup: false, sub: false, wordBreak: 'normal', leadingIndent: 0, preserveLeadingSpaces: false, preserveTrailingSpaces: false }];
    }
  }
  return definition;
}

const variants = {
  inline: { A: () => toDocDefinition(plan, fonts, creationDate), B: () => resolvedInlines(toDocDefinition(plan, fonts, creationDate)) },
};
const chosen = variants[lever];
async function paint(make) {
  const t0 = performance.now();
  instance.setFonts(fonts.fontDictionary());
  const bytes = await instance.createPdf(make()).getBuffer();
  return { ms: performance.now() - t0, bytes };
}
const sha = async (b) => (await import('node:crypto')).createHash('sha256').update(b).digest('hex').slice(0, 12);
const only = opt('only', undefined);
if (only !== undefined) {
  for (let i = 0; i < n; i++) await paint(chosen[only]);
  process.exit(0);
}
const a0 = await paint(chosen.A);
const b0 = await paint(chosen.B);
const same = (await sha(a0.bytes)) === (await sha(b0.bytes));
const times = { A: [], B: [] };
const ratios = [];
for (let round = 0; round < n; round++) {
  const order = round % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
  const got = {};
  for (const v of order) got[v] = (await paint(chosen[v])).ms;
  times.A.push(got.A);
  times.B.push(got.B);
  ratios.push(got.B / got.A);
}
const { loadavg } = await import('node:os');
const out = {
  lever, report: reportName, n, identical_bytes: same, bytes_A: a0.bytes.length, bytes_B: b0.bytes.length,
  A_ms_median: +median(times.A).toFixed(1), B_ms_median: +median(times.B).toFixed(1), ratio_B_over_A_median_of_rounds: +median(ratios).toFixed(3),
  load: loadavg().map((x) => +x.toFixed(2)),
};
console.log(JSON.stringify(out));
if (argv.includes('--times')) console.log(JSON.stringify(times));
