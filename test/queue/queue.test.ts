import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRealCliIo } from '../helpers/realCliIo.ts';
import { runCli } from '../../src/cli/runCli.ts';
import { createRenderQueue, pdfFileName, startRenderWorker, type RenderJobRecord } from '../../src/queue/index.ts';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.ts';
import { smallReport, waitUntil, writeReports } from './_reports.ts';

// The queue API against a real redis-server: producer and an in-process worker.
let redis: RedisServer;
let folder: string;
beforeAll(async () => {
  redis = await startRedisServer();
  folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-queue-'));
});
afterAll(async () => {
  await redis?.stop();
  await rm(folder, { recursive: true, force: true });
});

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

describe('render queue on a real Redis', () => {
  test('50 reports with 5 bad ones: 45 PDFs, 5 failed jobs with their issues, none retried; a second submit renders nothing', async () => {
    const files = await writeReports(join(folder, 'in'), 45, 5);
    const outDir = join(folder, 'out');
    const queue = await createRenderQueue({ redis: redis.url, queueName: 'fifty' });
    const worker = await startRenderWorker({ redis: redis.url, queueName: 'fifty', outDir, concurrency: 2 });
    try {
      const submitted = await Promise.all(files.map(async (file) => ({ file, ...(await queue.submit({ report: await readJson(file), file: basename(file) })) })));
      expect(submitted.every((s) => s.outcome === 'added')).toBe(true);
      expect(new Set(submitted.map((s) => s.id)).size).toBe(50);
      await waitUntil(async () => {
        const counts = await queue.counts();
        return counts.completed + counts.failed === 50;
      }, 90_000, async () => JSON.stringify(await queue.counts()));

      const records: RenderJobRecord[] = [];
      for await (const record of queue.finished()) records.push(record);
      const rendered = records.filter((r) => r.ok === true);
      const failed = records.filter((r) => r.ok === false);
      expect(rendered).toHaveLength(45);
      expect(failed.map((r) => r.file).sort()).toEqual(['bad-00.json', 'bad-01.json', 'bad-02.json', 'bad-03.json', 'bad-04.json']);
      for (const record of failed) {
        expect(record).toMatchObject({ state: 'failed', code: 'E_INVALID_REPORT', attempts: 1 });
        expect(record.issues.map((issue) => issue.pathText)).toEqual(expect.arrayContaining(['meta.title', 'sections[0]']));
      }

      const names = (await readdir(outDir)).sort();
      expect(names).toEqual(rendered.map((r) => pdfFileName(r.file, r.id)).sort());
      for (const record of rendered) {
        const bytes = await readFile(join(outDir, record.name!));
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
        expect(bytes.byteLength).toBe(record.bytes);
        expect(record.pages).toBeGreaterThan(0);
        expect(record.output).toBe(join(outDir, record.name!));
      }

      // Same reports again: same ids, nothing new to render.
      const again = await Promise.all(files.map(async (file) => queue.submit({ report: await readJson(file), file: basename(file) })));
      expect(new Set(again.map((s) => s.outcome))).toEqual(new Set(['existing']));
      expect(again.map((s) => s.id)).toEqual(submitted.map((s) => s.id));
      expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 45, failed: 5 });
    } finally {
      await worker.close();
      await queue.close();
    }
  }, 120_000);

  test('a render that fails for another reason (its time budget) is retried with backoff up to the limit, and a new submit tries it again', async () => {
    const outDir = join(folder, 'out-timeout');
    const queue = await createRenderQueue({ redis: redis.url, queueName: 'timeouts', attempts: 3, backoffMs: 50 });
    const seen: { attempts: number; retrying: boolean; code?: string }[] = [];
    const worker = await startRenderWorker({
      redis: redis.url,
      queueName: 'timeouts',
      outDir,
      concurrency: 1,
      timeoutMs: 1,
      onJob: (record, retrying) => void seen.push({ attempts: record.attempts, retrying, ...(record.code === undefined ? {} : { code: record.code }) }),
    });
    try {
      const { id } = await queue.submit({ report: smallReport(1), file: 'slow.json' });
      await waitUntil(async () => (await queue.job(id))?.state === 'failed', 60_000, async () => JSON.stringify(await queue.job(id)));
      const record = await queue.job(id);
      expect(record).toMatchObject({ ok: false, code: 'E_RENDER_TIMEOUT', attempts: 3 });
      expect(seen.map((s) => s.retrying)).toEqual([true, true, false]);
      expect(await readdir(outDir)).toEqual([]);

      const again = await queue.submit({ report: smallReport(1), file: 'slow.json' });
      expect(again).toEqual({ id, outcome: 'retried', state: 'waiting' });
      await waitUntil(async () => (await queue.job(id))?.state === 'failed', 60_000, async () => JSON.stringify(await queue.job(id)));
    } finally {
      await worker.close();
      await queue.close();
    }
  }, 120_000);

  test('an unreachable Redis is a named error within the connect timeout', async () => {
    const started = Date.now();
    await expect(createRenderQueue({ redis: 'redis://127.0.0.1:1', connectTimeoutMs: 500 })).rejects.toMatchObject({ name: 'RenderQueueError', code: 'E_QUEUE_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(createRenderQueue({ redis: 'http://127.0.0.1:6379' })).rejects.toMatchObject({ code: 'E_QUEUE_URL' });
  });

  test('enqueue - reads one report from standard input and prints its id; bad --options is a usage error', async () => {
    const io = cliIo([JSON.stringify(smallReport(7))]);
    expect(await runCli(['enqueue', '-', '--redis', redis.url, '--queue', 'stdin', '--options', '{"layout":"compact"}', '--priority', '1'], io)).toBe(0);
    const line = JSON.parse(io.out[0]!) as { id: string; file: string; outcome: string };
    expect(line).toMatchObject({ file: '-', outcome: 'added' });
    const queue = await createRenderQueue({ redis: redis.url, queueName: 'stdin' });
    try {
      expect(await queue.job(line.id)).toMatchObject({ id: line.id, state: 'prioritized', issues: [] });
      expect((await queue.job(line.id))?.file).toBeUndefined();
    } finally {
      await queue.close();
    }
    const bad = cliIo([JSON.stringify(smallReport(8))]);
    expect(await runCli(['enqueue', '-', '--redis', redis.url, '--queue', 'stdin', '--options', '{"resources":{}}'], bad)).toBe(2);
    expect(bad.err.join('\n')).toContain('options.resources');
  });
});

const cliIo = (stdin: readonly string[]) => createRealCliIo(folder, { stdin });
