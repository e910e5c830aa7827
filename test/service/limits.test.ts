import { afterEach, describe, expect, test } from 'vitest';
import { longReport, postJson, SEED, startService, timedGet, waitFor, type TestService } from './_helpers.ts';

// Over the limits the server answers with a problem and keeps answering /healthz; each case runs
// against a real server on 127.0.0.1 with one worker.
const SLOW = longReport(1500);
let server: TestService | undefined;
afterEach(async () => {
  await server?.service.close();
  server = undefined;
});

async function problemOf(response: Response): Promise<{ status: number; code: string; detail: string }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/u);
  return (await response.json()) as { status: number; code: string; detail: string };
}

describe('over the limits', () => {
  test('a body larger than maxInputBytes is a 413', async () => {
    server = await startService({ maxInputBytes: 10_000 });
    const response = await postJson(`${server.url}/v1/render`, longReport(400));
    expect(response.status).toBe(413);
    const body = await problemOf(response);
    expect(body.code).toBe('FST_ERR_CTP_BODY_TOO_LARGE');
    expect(body.detail).toContain('10000');
  });

  test('a full queue is a 429 with Retry-After, and /healthz keeps answering', async () => {
    server = await startService({ workers: 1, maxQueue: 1 });
    const { service, url } = server;
    const first = postJson(`${url}/v1/render`, SLOW);
    const second = postJson(`${url}/v1/render`, SLOW);
    await waitFor('one running, one waiting', () => service.pool.stats().running === 1 && service.pool.stats().queued === 1);
    const third = await postJson(`${url}/v1/render`, SEED);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await problemOf(third)).code).toBe('E_QUEUE_FULL');
    const health = await timedGet(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
  });

  test('a render past the time budget is a 504 naming the budget', async () => {
    server = await startService({ workers: 1, timeoutMs: 300 });
    const response = await postJson(`${server.url}/v1/render`, SLOW);
    expect(response.status).toBe(504);
    const body = await problemOf(response);
    expect(body.code).toBe('E_RENDER_TIMEOUT');
    expect(body.detail).toContain('300');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  test('a report that exhausts the worker\'s memory is a 422 E_WORKER_MEMORY; the worker is replaced and the server lives on', async () => {
    // 64 MB renders the seed; 740 rows × 40 columns (29,600 cells, inside the input limits and the
    // work budget's 30,000 cells) does not fit.
    server = await startService({ workers: 1, workerMemoryMb: 64 });
    const { url } = server;
    const huge = postJson(`${url}/v1/render`, longReport(740, '大表', 40));
    let slowestHealth = 0;
    let settled = false;
    void huge.finally(() => (settled = true));
    while (!settled) {
      const health = await timedGet(`${url}/healthz`);
      expect(health.status).toBe(200);
      slowestHealth = Math.max(slowestHealth, health.ms);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const response = await huge;
    expect(response.status).toBe(422);
    const body = await problemOf(response);
    expect(body.code).toBe('E_WORKER_MEMORY');
    expect(body.detail).toContain('64 MB');
    // The event loop was never blocked by the render: health answered throughout.
    expect(slowestHealth).toBeLessThan(1000);
    const after = await postJson(`${url}/v1/render`, SEED);
    expect(after.status).toBe(200);
    expect(after.headers.get('x-report-page-count')).toBe('8');
  }, 120_000);

  test('a client that disconnects while queued takes its job off the queue; one that disconnects mid-render stops it', async () => {
    server = await startService({ workers: 1, maxQueue: 4 });
    const { service, url, logs } = server;
    const running = new AbortController();
    const waiting = new AbortController();
    const first = postJson(`${url}/v1/render`, SLOW, { signal: running.signal }).catch((error: unknown) => error);
    await waitFor('the first render running', () => service.pool.stats().running === 1);
    const second = postJson(`${url}/v1/render`, SLOW, { signal: waiting.signal }).catch((error: unknown) => error);
    await waitFor('the second render queued', () => service.pool.stats().queued === 1);

    waiting.abort();
    expect(await second).toBeInstanceOf(Error);
    // Off the queue at once, while the first render is still running.
    await waitFor('the queue empty', () => service.pool.stats().queued === 0, 2000);
    expect(service.pool.stats().running).toBe(1);

    running.abort();
    expect(await first).toBeInstanceOf(Error);
    await waitFor('the running render stopped', () => service.pool.stats().running === 0, 2000);

    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^govreport_job_failures_total\{kind="render",code="E_RENDER_ABORTED"\} 2$/mu);
    await waitFor('two log lines with status 499', () => logs.filter((line) => (JSON.parse(line) as { status: number }).status === 499).length === 2, 2000);
    // The stopped worker was replaced: the next render works.
    const after = await postJson(`${url}/v1/render`, SEED);
    expect(after.status).toBe(200);
  }, 120_000);
});
