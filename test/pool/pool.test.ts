import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { pdfaIdentification } from '../helpers/pdfaIdentification.ts';
import { workerResourceLimits } from '../../src/pool/createRenderPool.ts';
import { createRenderPool, QueueFullError, RenderAbortedError, renderReport, RenderTimeoutError, ReportValidationError } from '../../src/index.ts';

const seed = JSON.parse(readFileSync(new URL('../../examples/seed-2020-generic-tables.json', import.meta.url), 'utf8')) as unknown;

describe('createRenderPool', () => {
  const pool = createRenderPool({ workers: 2, timeoutMs: 60_000 });
  afterAll(() => pool.close());

  test('renders on worker threads, byte-identical to an in-process render', async () => {
    const [a, b] = await Promise.all([pool.render(seed), pool.render(seed)]);
    const local = await renderReport(seed);
    expect(a.pageCount).toBe(local.pageCount);
    expect(Buffer.compare(Buffer.from(a.pdf), Buffer.from(local.pdf))).toBe(0);
    expect(Buffer.compare(Buffer.from(b.pdf), Buffer.from(local.pdf))).toBe(0);
    expect(a.warnings).toEqual(local.warnings);
  });

  test('pdfa: the worker writes PDF/A, byte-identical to an in-process PDF/A render', async () => {
    const [b, u] = await Promise.all([pool.render(seed, { pdfa: '2b' }), pool.render(seed, { pdfa: '2u' })]);
    expect(pdfaIdentification(b.pdf)).toBe('2B');
    expect(pdfaIdentification(u.pdf)).toBe('2U');
    expect(Buffer.compare(Buffer.from(u.pdf), Buffer.from((await renderReport(seed, { pdfa: '2u' })).pdf))).toBe(0);
    expect(pdfaIdentification((await pool.render(seed)).pdf)).toBeUndefined();
  });

  test('workers run with a 1024 MB old and a 64 MB young generation unless the pool is told otherwise', async () => {
    expect(pool.resourceLimits).toEqual({ maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 });
    // The young generation is an eighth of the heap, from 8 to 64 MB (the service's --worker-memory-mb).
    expect([64, 256, 4096].map((heapMb) => workerResourceLimits(heapMb).maxYoungGenerationSizeMb)).toEqual([8, 32, 64]);
    const unlimited = createRenderPool({ workers: 1, resourceLimits: {} });
    try {
      expect(unlimited.resourceLimits).toEqual({});
      expect((await unlimited.render(seed)).pageCount).toBe((await pool.render(seed)).pageCount);
    } finally {
      await unlimited.close();
    }
  });

  test('rejects bad input with the same error class, code and paths as in-process', async () => {
    const error = await pool.render({ meta: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportValidationError);
    expect((error as ReportValidationError).code).toBe('E_INVALID_REPORT');
    expect((error as ReportValidationError).issues.map((issue) => issue.pathText)).toContain('meta.title');
  });

  test('stops a render past its time budget and says so', async () => {
    const slow = createRenderPool({ workers: 1 });
    try {
      const big = { meta: { title: '长表', issuer: '机关', year: 2021 }, sections: [{ heading: '表', content: [{ table: { corner: '项目', columns: ['甲', '乙'], rows: Array.from({ length: 4000 }, (_, i) => ({ label: `第${i}行`, values: [i, i] })) } }] }] };
      const error = await slow.render(big, { timeoutMs: 50 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderTimeoutError);
      expect((error as RenderTimeoutError).message).toContain('50');
      // The pool replaces the stopped worker and keeps working.
      const ok = await slow.render({ meta: { title: '短', issuer: '机关', year: 2021 }, sections: [{ heading: '甲', content: ['正文。'] }] }).catch((e: unknown) => e);
      expect(ok).not.toBeInstanceOf(Error);
    } finally {
      await slow.close();
    }
  });
});

describe('createRenderPool for a service', () => {
  const slowReport = { meta: { title: '长表', issuer: '机关', year: 2021 }, sections: [{ heading: '表', content: [{ table: { corner: '项目', columns: ['甲', '乙'], rows: Array.from({ length: 1500 }, (_, i) => ({ label: `第${i}行`, values: [i, i] })) } }] }] };

  test('refuses a job at once when maxQueue jobs are already waiting (QueueFullError), and an already aborted signal', async () => {
    const pool = createRenderPool({ workers: 1, maxQueue: 1 });
    try {
      const running = pool.render(slowReport);
      const waiting = pool.render(slowReport);
      expect(pool.stats()).toMatchObject({ running: 1, queued: 1 });
      const refused = await pool.render(seed).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(QueueFullError);
      expect((refused as QueueFullError).code).toBe('E_QUEUE_FULL');
      const aborted = await pool.render(seed, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
      expect(aborted).toBeInstanceOf(RenderAbortedError);
      await Promise.all([running, waiting]);
    } finally {
      await pool.close();
    }
  });

  test('an aborted waiting job leaves the queue; an aborted running job has its worker replaced', async () => {
    const pool = createRenderPool({ workers: 1 });
    try {
      const first = new AbortController();
      const second = new AbortController();
      const running = pool.render(slowReport, { signal: first.signal }).catch((e: unknown) => e);
      const waiting = pool.render(slowReport, { signal: second.signal }).catch((e: unknown) => e);
      second.abort();
      expect(await waiting).toBeInstanceOf(RenderAbortedError);
      expect(pool.stats()).toMatchObject({ running: 1, queued: 0 });
      first.abort();
      expect(await running).toBeInstanceOf(RenderAbortedError);
      expect(pool.stats()).toMatchObject({ running: 0, queued: 0 });
      const checked = await pool.check(seed);
      expect(checked.pageCount).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });
});
