#!/usr/bin/env node
// A/B of the one-shot CLI (issue 16): fresh `node <pkg>/dist/cli/bin.js render <seed> -o <tmp>`
// processes, alternating A and B (order flipped every round) so both see the same machine load.
// Prints the medians, the median of the per-round ratios B ÷ A and the load average.
//
//   node bench/oneshot-ab.mjs --a bench/.ab/A --b . --k 15 [--b-flags "--max-semi-space-size=16"] [--command check]
// --command check times `check <seed>` (validation, forms and layout, no PDF) instead of `render`.
// A package folder is a copy of dist/, fonts/, layouts/, package.json with a node_modules link.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { opt } from './args.mjs';
import { SEED_FILE } from './reports.mjs';
import { median } from './stats.mjs';

const dirs = { A: resolve(opt('a', 'bench/.ab/A')), B: resolve(opt('b', '.')) };
const flags = { A: (opt('a-flags', '') || '').split(' ').filter(Boolean), B: (opt('b-flags', '') || '').split(' ').filter(Boolean) };
const k = Number(opt('k', '15'));
const command = opt('command', 'render');
if (command !== 'render' && command !== 'check') throw new Error(`--command must be render or check, not ${command}`);
const out = mkdtempSync(join(tmpdir(), 'oneshot-ab-'));
function once(v) {
  const t0 = performance.now();
  // /usr/bin/time reports the child's CPU seconds, which the machine's load disturbs less than wall time.
  const r = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, ...flags[v], join(dirs[v], 'dist/cli/bin.js'), command, SEED_FILE, ...(command === 'render' ? ['-o', join(out, `${v}.pdf`)] : [])], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${v} exited ${r.status}: ${r.stderr}`);
  const [, user, sys] = /CPU ([\d.]+) ([\d.]+)/u.exec(r.stderr);
  return { ms, cpu: (Number(user) + Number(sys)) * 1000 };
}
once('A');
once('B');
const load0 = loadavg();
const t = { A: [], B: [] };
const cpu = { A: [], B: [] };
const ratios = [];
const cpuRatios = [];
for (let round = 0; round < k; round++) {
  const got = {};
  for (const v of round % 2 === 0 ? ['A', 'B'] : ['B', 'A']) got[v] = once(v);
  for (const v of ['A', 'B']) {
    t[v].push(got[v].ms);
    cpu[v].push(got[v].cpu);
  }
  ratios.push(got.B.ms / got.A.ms);
  cpuRatios.push(got.B.cpu / got.A.cpu);
}
rmSync(out, { recursive: true, force: true });
console.log(JSON.stringify({
  node: process.version, k, a: dirs.A, b: dirs.B, flags,
  A_ms_median: +median(t.A).toFixed(1), B_ms_median: +median(t.B).toFixed(1), ratio_B_over_A_median_of_rounds: +median(ratios).toFixed(3),
  A_cpu_ms_median: median(cpu.A), B_cpu_ms_median: median(cpu.B), cpu_ratio_B_over_A_median_of_rounds: +median(cpuRatios).toFixed(3),
  load_start: load0.map((x) => +x.toFixed(2)), load_end: loadavg().map((x) => +x.toFixed(2)),
}));
