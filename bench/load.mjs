#!/usr/bin/env node
// Service load: the seed (examples/seed-2020-water-bureau.json, 8 pages) POSTed to /v1/render of a
// real server on 127.0.0.1 by autocannon, for a bounded time per case. Prints renders/s and
// p50/p99 latency at 1, 2 and 8 concurrent clients with 1 and 2 workers, then a 4× overload:
// 4 × the measured 2-worker rate offered to 2 workers with a queue of 2, while a second client
// (its own process) polls /healthz at 20 requests/s; the server must shed with 429 and keep /healthz p99 under 100 ms.
//
// The server is the real `gov-report-pdf serve` (dist/) in a child process, so the load generator
// does not share its event loop; the machine's load average is printed with the figures.
//
// Usage: npm run build && node bench/load.mjs [--duration 10] [--json]
//        [--capacity <renders/s>]  (only the overload case, offered 4 × this rate)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { argv, opt } from './args.mjs';
import { repoDir } from './reports.mjs';

const duration = Math.min(60, Number(opt('duration', 10)));

// `--probe <url>`: the /healthz poller, run as its own process by the overload case so that its
// latencies are the server's, not the event-loop stalls of the load generator beside it.
const probeUrl = opt('probe');
if (probeUrl !== undefined) {
  const result = await cannon({ url: `${probeUrl}/healthz`, connections: 1, overallRate: 20 });
  console.log(JSON.stringify({ total: result.requests.total, non2xx: result.non2xx, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max }));
  process.exit(0);
}
const seed = readFileSync(join(repoDir, 'examples', 'seed-2020-water-bureau.json'), 'utf8');
const loads = [];

/** Runs autocannon for the bounded duration; never anything but loopback. */
function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon({ duration, timeout: 60, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Starts `gov-report-pdf serve` on 127.0.0.1 (a free port) and stops it with SIGTERM afterwards. */
async function withServer(options, run) {
  const child = spawn(process.execPath, [join(repoDir, 'dist', 'cli', 'bin.js'), 'serve', '--host', '127.0.0.1', '--port', '0', '--no-preview', '--workers', String(options.workers), '--max-queue', String(options.maxQueue)], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/u.exec(stderr);
      if (found) resolve(found[1]);
    });
    child.on('exit', () => reject(new Error(`serve exited: ${stderr}`)));
  });
  try {
    // Warm every worker (fonts parsed, modules compiled) before timing.
    await Promise.all(Array.from({ length: options.workers * 2 }, () => fetch(`${url}/v1/render`, { method: 'POST', body: seed, headers: { 'content-type': 'application/json' } }).then((r) => r.arrayBuffer())));
    loads.push(loadavg()[0]);
    return await run(url);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** Polls /healthz at 20 requests/s for the duration from a separate process; resolves its latencies. */
function probe(url) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [new URL(import.meta.url).pathname, '--probe', url, '--duration', String(duration)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`health probe exited with ${code}`))));
  });
}

const render = (url, connections) => ({ url: `${url}/v1/render`, method: 'POST', headers: { 'content-type': 'application/json' }, body: seed, connections });
const rows = [];
const givenCapacity = opt('capacity');
for (const workers of givenCapacity === undefined ? [1, 2] : []) {
  await withServer({ workers, maxQueue: 16 }, async (url) => {
    for (const connections of [1, 2, 8]) {
      const result = await cannon(render(url, connections));
      const ok = result['2xx'];
      rows.push({ workers, clients: connections, renders: ok, rendersPerSecond: ok / (result.duration || duration), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx });
    }
  });
}

// 4× overload: requests offered at 4 × the best rate 2 workers sustained above (open loop, so a
// 429 is not retried at once), by enough clients to keep that rate while renders wait.
const capacity = givenCapacity === undefined ? Math.max(...rows.filter((row) => row.workers === 2).map((row) => row.rendersPerSecond)) : Number(givenCapacity);
const offeredRate = Math.max(4, Math.round(4 * capacity));
const overload = await withServer({ workers: 2, maxQueue: 2 }, async (url) => {
  const clients = 32;
  // The peer figure: /healthz of the same idle server, same rate, measured just before.
  const idle = await probe(url);
  const [load, health] = await Promise.all([cannon({ ...render(url, clients), overallRate: offeredRate }), probe(url)]);
  const statuses = Object.fromEntries(Object.entries(load.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]));
  return {
    clients,
    offeredRate,
    capacity,
    workers: 2,
    maxQueue: 2,
    statuses,
    rendersPerSecond: load['2xx'] / (load.duration || duration),
    renderP50: load.latency.p50,
    renderP99: load.latency.p99,
    healthRequests: health.total,
    healthNon2xx: health.non2xx,
    healthP50: health.p50,
    healthP99: health.p99,
    healthMax: health.max,
    idleHealthP50: idle.p50,
    idleHealthP99: idle.p99,
  };
});

if (argv.includes('--json')) {
  console.log(JSON.stringify({ duration, loads, rows, overload }));
} else {
  console.log(`seed (8 pages) on POST /v1/render, ${duration} s per case, 127.0.0.1; 1-minute load average at the start of each server: ${loads.map((load) => load.toFixed(1)).join(', ')}`);
  console.log('| workers | clients | renders | renders/s | p50 ms | p99 ms |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(`| ${row.workers} | ${row.clients} | ${row.renders} | ${row.rendersPerSecond.toFixed(1)} | ${row.p50} | ${row.p99} |`);
  console.log(`\n4× overload: ${overload.offeredRate} requests/s offered (4 × ${overload.capacity.toFixed(1)} renders/s) by up to ${overload.clients} clients; ${overload.workers} workers, queue ${overload.maxQueue}`);
  console.log(`| statuses | renders/s | render p50 ms | render p99 ms | /healthz requests | /healthz p50 ms | /healthz p99 ms | /healthz max ms | idle /healthz p50 / p99 ms |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(`| ${Object.entries(overload.statuses).map(([code, count]) => `${code}: ${count}`).join(', ')} | ${overload.rendersPerSecond.toFixed(1)} | ${overload.renderP50} | ${overload.renderP99} | ${overload.healthRequests} | ${overload.healthP50} | ${overload.healthP99} | ${overload.healthMax} | ${overload.idleHealthP50} / ${overload.idleHealthP99} |`);
  console.log(`/healthz p99 under 100 ms: ${overload.healthP99 < 100 ? 'yes' : 'NO'}; shed with 429: ${(overload.statuses['429'] ?? 0) > 0 ? 'yes' : 'NO'}`);
}
