#!/usr/bin/env node
// One render process of our library, started by bench.mjs (or by hand). Prints one JSON line on stdout.
//
// Usage: node bench/run-ours.mjs [--report seed|large[:50]|rows:<n>] [--warmup 3] [--n 20] [--layout gbt9704]
//                                [--out file.pdf]
//   --warmup 0 --n 0 : one-shot: import the library, render once, write the PDF, exit (the "fresh process" case)
//   otherwise        : after the first render, `warmup` untimed renders, then `n` timed renders (the warm median)
//   --serve a,b      : (started by bench.mjs with an IPC channel) build the reports a, b, render each once plus
//                      `warmup` times, then render on request: message {render: 'a'} -> reply {ms}; {exit: true} ->
//                      reply {max_rss_kb} and exit. bench.mjs uses it to interleave our renders with the peers'.
// Reports: node_boot_ms (process start -> this module running), import_ms (import of dist/index.js, i.e. the
// library and pdfmake), first_ms (first renderReport: fonts read and parsed, validation, layout, PDF), the warm
// times, pdf_bytes/pages of the last PDF, and max_rss_kb = process.resourceUsage().maxRSS at the end.
import { performance } from 'node:perf_hooks';
const bootMs = performance.now(); // ms since this process started (performance.timeOrigin)
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport, repoDir } from './reports.mjs';

import { argv, opt } from './args.mjs';
import { median } from './stats.mjs';
const reportName = opt('report', 'seed');
const warmup = Number(opt('warmup', 3));
const n = Number(opt('n', 20));
const layout = opt('layout', undefined);
const out = opt('out', undefined);


// The rows:N tables (5,000 rows × 7 columns = 35,000 cells, ~63,000 characters) pass the work budget's cell and
// text totals (30,000 and 60,000 by default): this bench measures time per row, so it raises those two limits.
const options = { ...(layout === undefined ? {} : { layout }), limits: { maxTotalCells: 1_000_000, maxTotalTextLength: 10_000_000 } };
const serve = opt('serve', undefined);
if (serve !== undefined) {
  const { renderReport } = await import(pathToFileURL(join(repoDir, 'dist', 'index.js')).href);
  const reports = Object.fromEntries(serve.split(',').map((name) => [name, buildReport(name)]));
  for (const name of Object.keys(reports)) for (let i = 0; i <= warmup; i++) await renderReport(reports[name], options);
  process.on('message', async (message) => {
    if (message.exit) {
      process.send({ max_rss_kb: process.resourceUsage().maxRSS }, () => process.exit(0));
      return;
    }
    const t = performance.now();
    const result = await renderReport(reports[message.render], options);
    process.send({ ms: performance.now() - t, pdf_bytes: result.pdf.byteLength, pages: result.pageCount });
  });
  process.send({ ready: true });
} else {
const report = buildReport(reportName);

const t0 = performance.now();
const { renderReport } = await import(pathToFileURL(join(repoDir, 'dist', 'index.js')).href);
const t1 = performance.now();
let result = await renderReport(report, options);
const t2 = performance.now();
const firstRss = process.resourceUsage().maxRSS;

for (let i = 0; i < warmup; i++) result = await renderReport(report, options);
const times = [];
// CPU time of each render as well (user + system of the whole process: the render and V8's GC and compiler
// threads beside it). On an idle machine those threads run on other cores and wall time hides their work.
const cpuTimes = [];
for (let i = 0; i < n; i++) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  result = await renderReport(report, options);
  times.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
}
if (out !== undefined) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, result.pdf);
}
const r1 = (x) => Math.round(x * 10) / 10;
const sorted = [...times].sort((a, b) => a - b);
const warmMedian = median(times);
const cpuMedian = median(cpuTimes);
const usage = process.resourceUsage();
console.log(JSON.stringify({
  report: reportName,
  layout: layout ?? 'default',
  node_boot_ms: r1(bootMs),
  import_ms: r1(t1 - t0),
  first_ms: r1(t2 - t1),
  cold_in_process_ms: r1(t2 - t0),
  warmup,
  n,
  warm_ms_median: warmMedian === null ? null : r1(warmMedian),
  warm_ms_min: sorted.length ? r1(sorted[0]) : null,
  warm_ms_max: sorted.length ? r1(sorted[sorted.length - 1]) : null,
  times_ms: times.map(r1),
  cpu_ms_median: cpuMedian === null ? null : r1(cpuMedian),
  cpu_times_ms: cpuTimes.map(r1),
  pdf_bytes: result.pdf.byteLength,
  pages: result.pageCount,
  warnings: result.warnings.length,
  max_rss_kb_after_first: firstRss,
  max_rss_kb: usage.maxRSS,
  cpu_user_ms: r1(usage.userCPUTime / 1000),
  cpu_system_ms: r1(usage.systemCPUTime / 1000),
}));
}
