#!/usr/bin/env node
// Memory of a process that renders the large variant (表三 ×50) N times (issue 16), once per set of
// Node flags, each in a fresh child: peak RSS (getrusage maxRSS), median ms per render and CPU ms
// per render (user+sys of the child, less disturbed by the machine's load than wall time).
// With --pool, the child renders through a worker pool of one worker instead, and each variant is
// the worker's resourceLimits as JSON ('' for none); --rounds repeats the list, so that variants
// measured at different moments can be compared through the machine's load.
//
//   node bench/memory-ab.mjs --n 50 --variants "|--max-old-space-size=160|--max-semi-space-size=2"
//   node bench/memory-ab.mjs --n 40 --pool --rounds 2 --variants '|{"maxYoungGenerationSizeMb":6}'
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { opt } from './args.mjs';
import { median } from './stats.mjs';

const self = fileURLToPath(import.meta.url);
if (process.argv[2] === '--child') {
  const n = Number(process.argv[3]);
  const poolLimits = process.argv[4];
  const { createRenderer, createRenderPool } = await import('../dist/index.js');
  const { largeReport } = await import('./reports.mjs');
  const input = largeReport(50);
  const renderer =
    poolLimits === undefined ? createRenderer() : createRenderPool({ workers: 1, ...(poolLimits === '' ? {} : { resourceLimits: JSON.parse(poolLimits) }) });
  const times = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await renderer.render(input, { creationDate: new Date('2021-01-15T00:00:00Z') });
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  await renderer.close?.();
  console.log(JSON.stringify({ n, median_ms: +median(times).toFixed(1), cpu_ms_per_render: +((cpu.user + cpu.system) / 1000 / n).toFixed(1), max_rss_mb: +(process.resourceUsage().maxRSS / 1024).toFixed(1) }));
} else {
  const n = opt('n', '50');
  const pool = process.argv.includes('--pool');
  const variants = (opt('variants', pool ? '' : '|--max-old-space-size=160') ?? '').split('|');
  const rounds = Number(opt('rounds', '1'));
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) {
      const load = loadavg().map((x) => +x.toFixed(2));
      const args = pool ? [self, '--child', n, variant] : [...variant.split(' ').filter(Boolean), self, '--child', n];
      const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
      const label = pool ? { pool_resource_limits: variant || '(none)' } : { flags: variant || '(none)' };
      if (r.status !== 0) console.log(JSON.stringify({ ...label, failed: r.status, stderr: r.stderr.slice(-500) }));
      else console.log(JSON.stringify({ ...label, ...JSON.parse(r.stdout.trim().split('\n').at(-1)), load_before: load }));
    }
  }
}
