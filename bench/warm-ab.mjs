#!/usr/bin/env node
// Warm A/B of two builds of the library (issue 16): A and B each run in a child process of their
// own that keeps one renderer warm; the parent asks them for one render at a time, alternating
// which goes first every round, so the machine's load drifts the same way for both. Prints the
// medians, the median of the per-round ratios B ÷ A, CPU ms per render and whether the PDFs are
// byte-identical.
//
//   git worktree add /tmp/base HEAD~1 && (cd /tmp/base && npm ci && npm run build)
//   node bench/warm-ab.mjs --a /tmp/base/dist --b dist --report large --n 15
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { opt } from './args.mjs';
import { median } from './stats.mjs';

if (process.argv[2] === '--child') {
  const dist = process.argv[3];
  const reportName = process.argv[4];
  const { buildReport } = await import('./reports.mjs');
  const { createRenderer } = await import(pathToFileURL(resolve(dist, 'index.js')).href);
  const input = buildReport(reportName);
  const renderer = createRenderer();
  const creationDate = new Date('2021-01-15T00:00:00Z');
  const once = async () => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { pdf } = await renderer.render(input, { creationDate });
    const cpu = process.cpuUsage(cpu0);
    return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, sha: createHash('sha256').update(pdf).digest('hex').slice(0, 16), bytes: pdf.byteLength };
  };
  for (let i = 0; i < 3; i++) await once();
  process.on('message', async () => process.send(await once()));
  process.send('ready');
} else {
  const a = opt('a');
  const b = opt('b', 'dist');
  const reportName = opt('report', 'large');
  const n = Number(opt('n', '15'));
  if (a === undefined) throw new Error('--a <dist folder of the baseline build> is required');
  const self = fileURLToPath(import.meta.url);
  const start = (dist) => {
    const child = fork(self, ['--child', dist, reportName], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = new Promise((done) => child.once('message', done));
    return { child, ready, render: () => new Promise((done) => { child.once('message', done); child.send('go'); }) };
  };
  const A = start(a);
  const B = start(b);
  await Promise.all([A.ready, B.ready]);
  const load = [loadavg()[0]];
  const runs = { A: [], B: [] };
  const ratios = [];
  for (let round = 0; round < n; round++) {
    const order = round % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
    const got = {};
    for (const name of order) got[name] = await (name === 'A' ? A : B).render();
    runs.A.push(got.A);
    runs.B.push(got.B);
    ratios.push(got.B.ms / got.A.ms);
  }
  load.push(loadavg()[0]);
  A.child.kill();
  B.child.kill();
  const summary = (list) => ({ ms: +median(list.map((r) => r.ms)).toFixed(1), cpuMs: +median(list.map((r) => r.cpuMs)).toFixed(1), bytes: list[0].bytes });
  console.log(JSON.stringify({
    report: reportName,
    n,
    A: { dist: a, ...summary(runs.A) },
    B: { dist: b, ...summary(runs.B) },
    ratio_B_over_A: +median(ratios).toFixed(3),
    cpu_ratio_B_over_A: +(summary(runs.B).cpuMs / summary(runs.A).cpuMs).toFixed(3),
    identical_pdf: runs.A[0].sha === runs.B[0].sha,
    load_1min: load.map((x) => +x.toFixed(2)),
  }));
}
