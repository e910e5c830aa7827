#!/usr/bin/env node
// What parsing each font once per process saves: warm seed renders with the font cache (normal)
// and without it (pdfkit loaded before gov-report-pdf, so its fontkit.create is not served from
// the cache and every document parses the ~10-15 MB font files again, and loses the shaping and
// glyph-decoding memo that lives on the cached fonts), each in a fresh process.
//
// Usage: npm run build && node bench/font-cache.mjs [--n 20]
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoDir } from './reports.mjs';
import { median } from './stats.mjs';

const argv = process.argv.slice(2);
const n = Number(argv[argv.indexOf('--n') + 1] || 20);

if (argv.includes('--child')) {
  const uncached = argv.includes('--uncached');
  // Loading pdfkit first means our runtime finds it already loaded and leaves fontkit alone.
  if (uncached) createRequire(join(repoDir, 'package.json'))('pdfkit');
  const { renderReport } = await import(pathToFileURL(join(repoDir, 'dist', 'index.js')).href);
  const { seedReport } = await import('./reports.mjs');
  const report = seedReport();
  const times = [];
  for (let i = 0; i < n + 3; i++) {
    const start = performance.now();
    await renderReport(report);
    if (i >= 3) times.push(performance.now() - start);
  }
  console.log(JSON.stringify({ uncached, median_ms: Number(median(times).toFixed(1)), max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else {
  const run = (extra) => JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--child', '--n', String(n), ...extra], { encoding: 'utf8' }).trim().split('\n').pop());
  const cached = run([]);
  const uncached = run(['--uncached']);
  console.log('| fonts | warm median (ms) | peak RSS (MB) |');
  console.log('| --- | ---: | ---: |');
  console.log(`| parsed once per process (default) | ${cached.median_ms} | ${cached.max_rss_mb} |`);
  console.log(`| parsed for every document (cache bypassed) | ${uncached.median_ms} | ${uncached.max_rss_mb} |`);
  console.log(`\nthe cache makes a warm render ${(uncached.median_ms / cached.median_ms).toFixed(2)}× faster`);
}
