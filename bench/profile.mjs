#!/usr/bin/env node
// CPU profile of our warm render: renders a report 20 times in one process (after the first render and warm-ups)
// and profiles the warm renders only.
//
// Usage:
//   node bench/profile.mjs [--report seed|large[:50]|rows:<n>] [--n 20] [--warmup 3] [--out bench/out/profile]
//       -> profiles only the N warm renders with the inspector's Profiler (same V8 sampler as --cpu-prof), writes
//          <out>/warm-<report>.cpuprofile, then prints the analysis (bench/analyze-profile.mjs)
//   node --cpu-prof --cpu-prof-dir=bench/out/profile bench/profile.mjs --whole
//       -> the plain `node --cpu-prof` profile of the whole process (import, first render with font parsing,
//          warm-ups and warm renders); analyse it with `node bench/analyze-profile.mjs <file>.cpuprofile`
// Open a .cpuprofile in Chrome DevTools (Performance > Load profile) or https://www.speedscope.app for a flame graph.
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport, repoDir, benchDir } from './reports.mjs';
import { analyze, formatAnalysis } from './analyze-profile.mjs';

import { argv, opt } from './args.mjs';
import { median } from './stats.mjs';
const reportName = opt('report', 'seed');
const n = Number(opt('n', 20));
const warmup = Number(opt('warmup', 3));
const outDir = opt('out', join(benchDir, 'out', 'profile'));
const whole = argv.includes('--whole');
const layout = opt('layout', undefined);
const options = layout === undefined ? {} : { layout };

const report = buildReport(reportName);
const { renderReport } = await import(pathToFileURL(join(repoDir, 'dist', 'index.js')).href);
const tFirst = performance.now();
await renderReport(report, options);
console.error(`[profile] first render of ${reportName}: ${(performance.now() - tFirst).toFixed(1)} ms`);
for (let i = 0; i < warmup; i++) await renderReport(report, options);

let session;
if (!whole) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 }); // µs; --cpu-prof's default is 1000
  await session.post('Profiler.start');
}
const times = [];
for (let i = 0; i < n; i++) {
  const t = performance.now();
  await renderReport(report, options);
  times.push(performance.now() - t);
}
if (n > 0) console.error(`[profile] ${n} warm renders of ${reportName}: median ${median(times).toFixed(1)} ms, total ${times.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
if (session) {
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `warm-${reportName.replace(':', '-')}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.error(`[profile] wrote ${file}`);
  process.stdout.write(formatAnalysis(analyze(profile, { renders: n }), { title: `warm ${reportName} ×${n}` }));
}
