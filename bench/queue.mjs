#!/usr/bin/env node
// Queue throughput and kill-and-retry, measured in one run against the in-process pool:
//   1. the in-process worker pool (bench/batch.mjs's measure) with 1 and 2 threads, N seed-sized reports;
//   2. the same N reports through BullMQ + a local redis-server with 1 and 2 `gov-report-pdf worker`
//      processes (one render at a time each), timed from the first submit to the last completion,
//      PDFs written to disk; the overhead per job is the difference of the per-report times;
//   3. a kill run: 2 worker processes, one killed with SIGKILL while it holds a job; counts of
//      completed, retried (taken back from the dead worker), lost (no PDF) and duplicated (two PDFs
//      or two completions of one report).
// Each report differs (one sentence), so each is its own job. Redis runs on 127.0.0.1 only.
//
// Usage: npm run build && node --import tsx bench/queue.mjs [--n 1000] [--kill-n 300]
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { opt } from './args.mjs';
import { repoDir, seedReport } from './reports.mjs';
import { startRedisServer } from '../test/helpers/redisServer.ts';

const total = Number(opt('n', 1000));
const killTotal = Number(opt('kill-n', 300));
const { createRenderPool } = await import(pathToFileURL(join(repoDir, 'dist', 'index.js')).href);
const { createRenderQueue, pdfFileName } = await import(pathToFileURL(join(repoDir, 'dist', 'queue', 'index.js')).href);
const bin = join(repoDir, 'dist', 'cli', 'bin.js');

function variant(i, tag) {
  const report = seedReport();
  report.intro = [`${report.intro[0]}（${tag}第${i + 1}份）`];
  return report;
}

async function poolRun(workers) {
  const pool = createRenderPool({ workers });
  await Promise.all(Array.from({ length: workers * 2 }, (_, i) => pool.render(variant(i, 'warm'))));
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < total) await pool.render(variant(next++, 'pool'));
  };
  await Promise.all(Array.from({ length: workers * 4 }, lane));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { mode: `pool, ${workers} thread(s)`, workers, seconds, rate: total / seconds };
}

function startWorker(redisUrl, queueName, outDir, name, extra = []) {
  const child = spawn(process.execPath, [bin, 'worker', '--redis', redisUrl, '--queue', queueName, '--out', outDir, '--name', name, '--concurrency', '1', '--lang', 'en', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => void (out += chunk));
  child.stderr.on('data', (chunk) => void (err += chunk));
  const ready = new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (err.includes('connected to')) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`worker ${name} exited ${code}: ${err}`));
    });
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return { child, ready, exited, lines: () => out.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)) };
}

async function waitFor(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stop(worker) {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  await worker.exited;
}

async function queueRun(redisUrl, workers) {
  const queueName = `bench-${workers}`;
  const outDir = await mkdtemp(join(tmpdir(), 'gov-report-pdf-bench-queue-'));
  const procs = Array.from({ length: workers }, (_, i) => startWorker(redisUrl, queueName, outDir, `b${workers}-${i + 1}`));
  await Promise.all(procs.map((p) => p.ready));
  const queue = await createRenderQueue({ redis: redisUrl, queueName });
  // Warm each process (fonts parsed, modules compiled) before timing, as the pool run does.
  for (let i = 0; i < workers * 2; i++) await queue.submit({ report: variant(i, `warm${workers}`), file: `warm-${i}.json` });
  await waitFor(async () => (await queue.counts()).completed >= workers * 2, 120_000);
  const base = (await queue.counts()).completed;
  const started = performance.now();
  for (let i = 0; i < total; i += 16) {
    await Promise.all(Array.from({ length: Math.min(16, total - i) }, (_, k) => queue.submit({ report: variant(i + k, `queue${workers}`), file: `r-${i + k}.json` })));
  }
  const submitted = (performance.now() - started) / 1000;
  await waitFor(async () => (await queue.counts()).completed >= base + total, 600_000);
  const seconds = (performance.now() - started) / 1000;
  await queue.close();
  await Promise.all(procs.map(stop));
  await rm(outDir, { recursive: true, force: true });
  return { mode: `queue, ${workers} worker process(es)`, workers, seconds, rate: total / seconds, submitSeconds: submitted };
}

async function killRun(redisUrl) {
  const queueName = 'bench-kill';
  const outDir = await mkdtemp(join(tmpdir(), 'gov-report-pdf-bench-kill-'));
  const lock = ['--lock-duration', '5000', '--stalled-interval', '2000'];
  const a = startWorker(redisUrl, queueName, outDir, 'k1', lock);
  const b = startWorker(redisUrl, queueName, outDir, 'k2', lock);
  await Promise.all([a.ready, b.ready]);
  const queue = await createRenderQueue({ redis: redisUrl, queueName });
  const { Queue } = await import('bullmq');
  const inspect = new Queue(queueName, { connection: { url: redisUrl } });
  const ids = [];
  for (let i = 0; i < killTotal; i += 16) {
    const batch = await Promise.all(Array.from({ length: Math.min(16, killTotal - i) }, (_, k) => queue.submit({ report: variant(i + k, 'kill'), file: `k-${i + k}.json` })));
    ids.push(...batch.map((s) => s.id));
  }
  // Kill k1 with SIGKILL while it holds a job, a third of the way through.
  let victim;
  await waitFor(async () => {
    if ((await queue.counts()).completed < killTotal / 3) return false;
    victim = (await inspect.getActive()).find((job) => job.processedBy === 'k1')?.id;
    if (victim === undefined) return false;
    a.child.kill('SIGKILL');
    return true;
  }, 300_000);
  await a.exited;
  const killedAt = Date.now();
  await waitFor(async () => {
    const counts = await queue.counts();
    return counts.completed + counts.failed >= killTotal;
  }, 600_000);
  const counts = await queue.counts();
  const jobs = await Promise.all(ids.map((id) => inspect.getJob(id)));
  const retried = jobs.filter((job) => job.stalledCounter > 0 || job.attemptsStarted > 1).length;
  const names = (await readdir(outDir)).filter((name) => name.endsWith('.pdf'));
  const expected = new Set(jobs.map((job) => pdfFileName(job.data.file, job.id)));
  const lost = [...expected].filter((name) => !names.includes(name)).length;
  const completions = [...a.lines(), ...b.lines()].filter((line) => line.ok).map((line) => line.id);
  const duplicated = completions.length - new Set(completions).size + names.filter((name) => !expected.has(name)).length;
  const victimJob = await inspect.getJob(victim);
  const recoveredSeconds = victimJob.finishedOn === undefined ? null : Number(((victimJob.finishedOn - killedAt) / 1000).toFixed(1));
  const temps = (await readdir(outDir)).filter((name) => name.endsWith('.tmp')).length;
  await inspect.close();
  await queue.close();
  await stop(b);
  await rm(outDir, { recursive: true, force: true });
  return { reports: killTotal, completed: counts.completed, failed: counts.failed, retried, lost, duplicated, leftoverTempFiles: temps, victimRecoveredAfterSeconds: recoveredSeconds };
}

const redis = await startRedisServer();
try {
  const runs = [];
  for (const workers of [1, 2]) {
    runs.push(await poolRun(workers));
    console.error(`[queue-bench] ${runs.at(-1).mode}: ${runs.at(-1).rate.toFixed(1)} reports/s`);
    runs.push(await queueRun(redis.url, workers));
    console.error(`[queue-bench] ${runs.at(-1).mode}: ${runs.at(-1).rate.toFixed(1)} reports/s`);
  }
  const kill = await killRun(redis.url);
  console.error(`[queue-bench] kill run: ${JSON.stringify(kill)}`);

  console.log(`${total} seed-sized reports (8 pages each):\n`);
  console.log('| mode | seconds | reports/s | ms per report |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of runs) console.log(`| ${r.mode} | ${r.seconds.toFixed(1)} | ${r.rate.toFixed(1)} | ${(1000 / r.rate).toFixed(1)} |`);
  const byWorkers = (mode, workers) => runs.find((r) => r.mode.startsWith(mode) && r.workers === workers);
  for (const workers of [1, 2]) {
    const pool = byWorkers('pool', workers);
    const queued = byWorkers('queue', workers);
    console.log(`\nqueue overhead with ${workers}: ${(((1 / queued.rate) - (1 / pool.rate)) * 1000 * workers).toFixed(1)} ms per job per worker (queue ${queued.rate.toFixed(1)} vs pool ${pool.rate.toFixed(1)} reports/s)`);
  }
  const one = byWorkers('queue', 1);
  const two = byWorkers('queue', 2);
  console.log(`two worker processes vs one: ${(two.rate / one.rate).toFixed(2)}×`);
  console.log(`\nkill run (${kill.reports} reports, 2 workers, one SIGKILLed mid-job): completed ${kill.completed}, failed ${kill.failed}, retried ${kill.retried}, lost ${kill.lost}, duplicated ${kill.duplicated}, temp files left ${kill.leftoverTempFiles}, killed job finished ${kill.victimRecoveredAfterSeconds} s after the kill`);
  console.log(`\nmachine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, ${(await import('node:child_process')).execFileSync('redis-server', ['--version']).toString().trim().split(' ').slice(0, 3).join(' ')}`);
  console.log(JSON.stringify({ queue: runs, kill }));
} finally {
  await redis.stop();
}
