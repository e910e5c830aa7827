#!/usr/bin/env node
// Batch throughput: renders N seed-sized reports (default 1,000) on the worker pool with 1 worker,
// then with 2 (or --jobs list), and prints reports/second and the speed-up, measured in this run.
// Each report differs (its numbers and one sentence change), as a portal's batch would.
// Also CPU ms per report (user + system of the whole process: main thread, workers, GC and
// compression threads): if it rises with the workers, the cores are the ceiling, not the pool.
//
// Usage: npm run build && node bench/batch.mjs [--n 1000] [--jobs 1,2] [--resource-limits '{}']
// (--resource-limits: the workers' resourceLimits as JSON instead of the pool's default; '{}' for V8's own)
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoDir, seedReport } from './reports.mjs';

import { argv, opt } from './args.mjs';
const total = Number(opt('n', 1000));
const jobsList = opt('jobs', '1,2').split(',').map(Number);
const limitsText = opt('resource-limits', '');
const resourceLimits = limitsText === '' ? undefined : JSON.parse(limitsText);
const { createRenderPool } = await import(pathToFileURL(join(repoDir, 'dist', 'index.js')).href);

function variant(i) {
  const report = seedReport();
  report.intro = [`${report.intro[0]}（批次第${i + 1}份）`];
  return report;
}

// Built before timing, so the figures count rendering, not the bench making its inputs.
const reports = Array.from({ length: total }, (_, i) => variant(i));
const results = [];
for (const workers of jobsList) {
  const pool = createRenderPool({ workers, ...(resourceLimits === undefined ? {} : { resourceLimits }) });
  // Warm every worker (fonts parsed, modules compiled) before timing.
  await Promise.all(Array.from({ length: workers * 2 }, (_, i) => pool.render(variant(i))));
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let pages = 0;
  let bytes = 0;
  // Keep every worker busy: at most 4 renders queued per worker at a time.
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const i = next++;
      const result = await pool.render(reports[i]);
      pages += result.pageCount;
      bytes += result.pdf.byteLength;
    }
  };
  await Promise.all(Array.from({ length: workers * 4 }, lane));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  await pool.close();
  const cpuMsPerReport = (cpu.user + cpu.system) / 1000 / total;
  results.push({ workers, reports: total, seconds: Number(seconds.toFixed(2)), reports_per_second: Number((total / seconds).toFixed(1)), cpu_ms_per_report: Number(cpuMsPerReport.toFixed(1)), cores_busy: Number(((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)), pages, mb: Number((bytes / 1e6).toFixed(1)) });
  console.error(`[batch] ${workers} worker(s): ${total} reports in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(1)} reports/s`);
}

const base = results[0];
console.log(`| workers | reports | seconds | reports/s | speed-up vs ${base.workers} worker | CPU ms per report | cores busy |`);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) console.log(`| ${r.workers} | ${r.reports} | ${r.seconds} | ${r.reports_per_second} | ${(r.reports_per_second / base.reports_per_second).toFixed(2)}× | ${r.cpu_ms_per_report} | ${r.cores_busy} |`);
console.log(`\nmachine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}`);
console.log(JSON.stringify({ batch: results }));
