import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createRealCliIo } from '../helpers/realCliIo.ts';
import { runCli } from '../../src/cli/runCli.ts';
import { pdfFileName } from '../../src/queue/index.ts';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.ts';
import { waitUntil, writeReports } from './_reports.ts';

// Real worker processes (the CLI's `worker` command) on a real redis-server: two share a queue,
// one is killed with SIGKILL in the middle of a job, and Redis itself is killed and restarted.
const root = fileURLToPath(new URL('../../', import.meta.url));
let folder: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-workers-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
  }
});
afterAll(() => rm(folder, { recursive: true, force: true }));

interface WorkerProcess {
  readonly child: ChildProcess;
  readonly stdout: () => string[];
  readonly exited: Promise<number | null>;
}

/** Starts `gov-report-pdf worker` as a real process and waits until it is connected. */
async function startWorkerProcess(redisUrl: string, outDir: string, name: string, extra: string[] = []): Promise<WorkerProcess> {
  const args = ['--import', 'tsx', join(root, 'src/cli/bin.ts'), 'worker', '--redis', redisUrl, '--out', outDir, '--name', name, '--lock-duration', '2000', '--stalled-interval', '1000', '--lang', 'en', ...extra];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => void (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => void (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitUntil(async () => err.includes('connected to'), 30_000, () => `worker ${name} did not connect; stderr: ${err}`);
  return { child, stdout: () => out.split('\n').filter((line) => line.startsWith('{')), exited };
}

const realIo = (stdin: readonly string[] = []) => createRealCliIo(root, { stdin });

/** Counts that tolerate Redis being down for a moment (then they are unknown: -1). */
async function completedCount(queue: Queue): Promise<number> {
  try {
    return await queue.getCompletedCount();
  } catch {
    return -1;
  }
}

async function listOutput(outDir: string): Promise<{ pdfs: string[]; temps: string[] }> {
  const names = await readdir(outDir);
  return { pdfs: names.filter((n) => n.endsWith('.pdf')).sort(), temps: names.filter((n) => n.endsWith('.tmp')) };
}

describe('worker processes on a real Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.stop());

  test('two workers share the queue; one killed with SIGKILL mid-job: its job is taken back, every report ends with exactly one PDF, no temp file', async () => {
    const inDir = join(folder, 'kill-in');
    const outDir = join(folder, 'kill-out');
    await writeReports(inDir, 30, 0, 120);
    const w1 = await startWorkerProcess(redis.url, outDir, 'w1', ['--concurrency', '1']);
    const w2 = await startWorkerProcess(redis.url, outDir, 'w2', ['--concurrency', '1']);
    const queue = new Queue('gov-report-pdf', { connection: { url: redis.url } });
    try {
      const io = realIo();
      expect(await runCli(['enqueue', inDir, '--redis', redis.url], io)).toBe(0);
      const ids = io.out.map((line) => (JSON.parse(line) as { id: string }).id);
      expect(ids).toHaveLength(30);

      // Kill w1 while it holds a job, once both have finished some. The job it held is read after
      // its death: a dead worker's job stays active (locked) until the lock expires.
      await waitUntil(async () => {
        const completed = await queue.getCompleted(0, -1);
        const busy = (await queue.getActive()).some((job) => job.processedBy === 'w1');
        if (!busy || completed.length > 24 || !completed.some((job) => job.processedBy === 'w1') || !completed.some((job) => job.processedBy === 'w2')) return false;
        w1.child.kill('SIGKILL');
        return true;
      }, 60_000, async () => JSON.stringify(await queue.getJobCounts()));
      expect(await w1.exited).toBe(null);
      const orphans = (await queue.getActive()).filter((job) => job.processedBy === 'w1');
      expect(orphans).toHaveLength(1);
      const victim = orphans[0]!.id;

      await waitUntil(async () => (await completedCount(queue)) === 30, 60_000, async () => JSON.stringify(await queue.getJobCounts()));
      const taken = await queue.getJob(victim!);
      expect(taken).toMatchObject({ stalledCounter: 1, processedBy: 'w2', finishedOn: expect.any(Number) });

      const { pdfs, temps } = await listOutput(outDir);
      const expected = (await Promise.all(ids.map(async (id) => pdfFileName((await queue.getJob(id))!.data.file, id)))).sort();
      expect(pdfs).toEqual(expected);
      expect(temps).toEqual([]);
      for (const name of pdfs) expect((await readFile(join(outDir, name))).subarray(0, 5).toString()).toBe('%PDF-');

      // Each job was reported finished once, across both workers (the victim by w2 only). A worker
      // prints a job's line after Redis has it completed, so the last line may still be in the pipe.
      await waitUntil(async () => w1.stdout().length + w2.stdout().length >= ids.length, 10_000, () => `${w1.stdout().length + w2.stdout().length} of ${ids.length} lines`);
      const reported = [...w1.stdout(), ...w2.stdout()].map((line) => (JSON.parse(line) as { id: string }).id);
      expect(reported.sort()).toEqual([...ids].sort());

      const results = realIo();
      expect(await runCli(['queue', 'results', '--redis', redis.url, '--lang', 'en'], results)).toBe(0);
      expect(results.out).toHaveLength(30);
      expect(results.out.map((line) => JSON.parse(line) as { ok: boolean }).every((line) => line.ok)).toBe(true);
      const status = realIo();
      expect(await runCli(['queue', 'status', '--redis', redis.url], status)).toBe(0);
      expect(JSON.parse(status.out[0]!)).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 30, failed: 0 });

      // SIGTERM: the surviving worker finishes and exits 0.
      w2.child.kill('SIGTERM');
      expect(await w2.exited).toBe(0);
    } finally {
      await queue.close();
    }
  }, 120_000);
});

describe('Redis restarted mid-run', () => {
  test('the worker reconnects and every report ends with exactly one PDF', async () => {
    const redis = await startRedisServer({ appendOnly: true });
    const inDir = join(folder, 'restart-in');
    const outDir = join(folder, 'restart-out');
    await writeReports(inDir, 20, 0, 120);
    const worker = await startWorkerProcess(redis.url, outDir, 'r1', ['--concurrency', '2']);
    const queue = new Queue('gov-report-pdf', { connection: { url: redis.url, maxRetriesPerRequest: 1 } });
    queue.on('error', () => undefined);
    try {
      const io = realIo();
      expect(await runCli(['enqueue', inDir, '--redis', redis.url], io)).toBe(0);
      await waitUntil(async () => (await completedCount(queue)) >= 3, 60_000, async () => JSON.stringify(await queue.getJobCounts()));
      const beforeKill = await completedCount(queue);
      await redis.kill();
      // The kill really lands mid-run: jobs were left to do.
      expect(beforeKill).toBeLessThan(20);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await redis.restart();
      await waitUntil(async () => (await completedCount(queue)) === 20, 90_000, async () => `${await completedCount(queue)} completed`);
      expect(worker.child.exitCode).toBe(null);
      const { pdfs, temps } = await listOutput(outDir);
      expect(pdfs).toHaveLength(20);
      expect(temps).toEqual([]);
    } finally {
      await queue.close();
      await redis.stop();
    }
  }, 150_000);
});
