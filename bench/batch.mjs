#!/usr/bin/env node
// Batch throughput: renders N seed-sized reports (default 1,000) on the worker pool with 1 worker,
// then with 2 (or --jobs list), and prints reports/second and the speed-up, measured in this run.
// Each report differs (its numbers and one sentence change), as a portal's batch would.
//
// Usage: npm run build && node bench/batch.mjs [--n 1000] [--jobs 1,2]
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoDir, seedReport } from './reports.mjs';

import { argv, opt } from './args.mjs';
const total = Number(opt('n', 1000));
const jobsList = opt('jobs', '1,2').split(',').map(Number);
const { createRenderPool } = await import(pathToFileURL(join(repoDir, 'dist', 'index.js')).href);

function variant(i) {
  const report = seedReport();
  report.intro = [`${report.intro[0]}（批次第${i + 1}份）`];
  return report;
}

const results = [];
for (const workers of jobsList) {
  const pool = createRenderPool({ workers });
  // Warm every worker (fonts parsed, modules compiled) before timing.
  await Promise.all(Array.from({ length: workers * 2 }, (_, i) => pool.render(variant(i))));
  const started = performance.now();
  let pages = 0;
  let bytes = 0;
  // Keep every worker busy: at most 4 renders queued per worker at a time.
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const i = next++;
      const result = await pool.render(variant(i));
      pages += result.pageCount;
      bytes += result.pdf.byteLength;
    }
  };
  await Promise.all(Array.from({ length: workers * 4 }, lane));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  results.push({ workers, reports: total, seconds: Number(seconds.toFixed(2)), reports_per_second: Number((total / seconds).toFixed(1)), pages, mb: Number((bytes / 1e6).toFixed(1)) });
  console.error(`[batch] ${workers} worker(s): ${total} reports in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(1)} reports/s`);
}

const base = results[0];
console.log(`| workers | reports | seconds | reports/s | speed-up vs ${base.workers} worker |`);
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const r of results) console.log(`| ${r.workers} | ${r.reports} | ${r.seconds} | ${r.reports_per_second} | ${(r.reports_per_second / base.reports_per_second).toFixed(2)}× |`);
console.log(`\nmachine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}`);
console.log(JSON.stringify({ batch: results }));
