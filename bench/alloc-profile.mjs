#!/usr/bin/env node
// Where a warm render allocates (issue 16): V8's sampling heap profiler, with the objects that GC
// has already collected included, over N renders after a warm-up. Prints MB allocated per render,
// first by component (grouped as bench/analyze-profile.mjs groups a CPU profile), then by
// allocating function.
//
// Usage: node bench/alloc-profile.mjs [--report seed|large[:50]|rows:<n>] [--warmup 15] [--n 20] [--top 25]
//        (run `npm run build` first)
import { Session } from 'node:inspector/promises';
import { componentOf, shortFile } from './analyze-profile.mjs';
import { opt } from './args.mjs';
import { buildReport } from './reports.mjs';
import { renderReport } from '../dist/index.js';

const input = buildReport(opt('report', 'seed'));
const warmup = Number(opt('warmup', '15'));
const n = Number(opt('n', '20'));
const top = Number(opt('top', '25'));

for (let i = 0; i < warmup; i++) await renderReport(input);
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
for (let i = 0; i < n; i++) await renderReport(input);
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();

const bySite = new Map();
const byComponent = new Map();
let total = 0;
const walk = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const site = `${functionName || '(anonymous)'} ${shortFile(url)}:${lineNumber + 1}`;
  bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
  const component = componentOf(node.callFrame);
  byComponent.set(component, (byComponent.get(component) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const child of node.children) walk(child);
};
walk(profile.head);

const mb = (bytes) => (bytes / n / 1e6).toFixed(2).padStart(6);
console.log(`${opt('report', 'seed')}: ${mb(total)} MB allocated per render (${n} renders after ${warmup} warm-ups)\n`);
console.log('| MB per render | component |\n| ---: | --- |');
for (const [name, bytes] of [...byComponent].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`| ${mb(bytes)} | ${name} |`);
console.log('\n| MB per render | allocating function |\n| ---: | --- |');
for (const [name, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${mb(bytes)} | \`${name}\` |`);
