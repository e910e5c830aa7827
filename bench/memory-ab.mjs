#!/usr/bin/env node
// Memory of a process that renders the large variant (表三 ×50) N times (issue 16), once per set of
// Node flags, each in a fresh child: peak RSS (getrusage maxRSS), median ms per render and CPU ms
// per render (user+sys of the child, less disturbed by the machine's load than wall time).
//
//   node bench/memory-ab.mjs --n 50 --variants "|--max-old-space-size=160|--max-semi-space-size=2"
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { opt } from './args.mjs';

const self = fileURLToPath(import.meta.url);
if (process.argv[2] === '--child') {
  const n = Number(process.argv[3]);
  const { createRenderer } = await import('../dist/index.js');
  const { largeReport } = await import('./reports.mjs');
  const input = largeReport(50);
  const renderer = createRenderer();
  const times = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await renderer.render(input, { creationDate: new Date('2021-01-15T00:00:00Z') });
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ n, median_ms: +times[Math.floor(n / 2)].toFixed(1), cpu_ms_per_render: +((cpu.user + cpu.system) / 1000 / n).toFixed(1), max_rss_mb: +(process.resourceUsage().maxRSS / 1024).toFixed(1) }));
} else {
  const n = opt('n', '50');
  const variants = (opt('variants', '|--max-old-space-size=160') ?? '').split('|');
  for (const flags of variants) {
    const load = loadavg().map((x) => +x.toFixed(2));
    const r = spawnSync(process.execPath, [...flags.split(' ').filter(Boolean), self, '--child', n], { encoding: 'utf8' });
    if (r.status !== 0) console.log(JSON.stringify({ flags, failed: r.status, stderr: r.stderr.slice(-500) }));
    else console.log(JSON.stringify({ flags: flags || '(none)', ...JSON.parse(r.stdout.trim().split('\n').at(-1)), load_before: load }));
  }
}
