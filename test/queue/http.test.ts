import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRenderQueue, jobRoutes, startRenderWorker, type RenderQueue, type RenderWorker } from '../../src/queue/index.ts';
import { createServer, type ReportService } from '../../src/service/index.ts';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.ts';
import { pdfaIdentification } from '../helpers/pdfaIdentification.ts';
import { badReport, smallReport, waitUntil } from './_reports.ts';

// The job routes in the real HTTP service on loopback, with a real Redis and a real worker.
let redis: RedisServer;
let folder: string;
let queue: RenderQueue;
let worker: RenderWorker;
let service: ReportService;
let base: string;

beforeAll(async () => {
  redis = await startRedisServer();
  folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-jobs-http-'));
  queue = await createRenderQueue({ redis: redis.url, queueName: 'http' });
  worker = await startRenderWorker({ redis: redis.url, queueName: 'http', outDir: folder, concurrency: 1 });
  service = await createServer({ port: 0, workers: 1, preview: false, plugins: [jobRoutes({ queue, outDir: folder })] });
  base = await service.start();
});
afterAll(async () => {
  await service?.close();
  await worker?.close();
  await queue?.close();
  await redis?.stop();
  await rm(folder, { recursive: true, force: true });
});

async function post(report: unknown, query = ''): Promise<{ status: number; body: { id: string; outcome: string }; location: string | null }> {
  const response = await fetch(`${base}/v1/jobs${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) });
  return { status: response.status, body: (await response.json()) as { id: string; outcome: string }, location: response.headers.get('location') };
}

async function finished(id: string): Promise<Record<string, unknown>> {
  let job: Record<string, unknown> = {};
  await waitUntil(async () => {
    job = (await (await fetch(`${base}/v1/jobs/${id}`)).json()) as Record<string, unknown>;
    return job['state'] === 'completed' || job['state'] === 'failed';
  }, 60_000, () => JSON.stringify(job));
  return job;
}

describe('/v1/jobs', () => {
  test('POST → 202 with the id; the same report again is the same job; GET gives the state, then the PDF', async () => {
    const first = await post(smallReport(1), '?layout=compact');
    expect(first).toMatchObject({ status: 202, body: { outcome: 'added' }, location: `/v1/jobs/${first.body.id}` });
    const again = await post(smallReport(1), '?layout=compact');
    expect(again).toMatchObject({ status: 202, body: { id: first.body.id } });
    expect(['existing']).toContain(again.body.outcome);

    const job = await finished(first.body.id);
    expect(job).toMatchObject({ id: first.body.id, state: 'completed', ok: true, attempts: 1 });
    expect(job).not.toHaveProperty('output');
    const pdf = await fetch(`${base}/v1/jobs/${first.body.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.byteLength).toBe(job['bytes']);
  });

  test('?pdfa=2b: the worker writes PDF/A-2b; it is another job than the plain render; another level is a 400', async () => {
    const plain = await post(smallReport(3));
    const archival = await post(smallReport(3), '?pdfa=2b');
    expect(archival.status).toBe(202);
    expect(archival.body.id).not.toBe(plain.body.id);
    expect(await finished(archival.body.id)).toMatchObject({ state: 'completed', ok: true });
    const pdf = await fetch(`${base}/v1/jobs/${archival.body.id}/pdf`);
    expect(pdfaIdentification(new Uint8Array(await pdf.arrayBuffer()))).toBe('2B');
    await finished(plain.body.id);
    expect(pdfaIdentification(new Uint8Array(await (await fetch(`${base}/v1/jobs/${plain.body.id}/pdf`)).arrayBuffer()))).toBeUndefined();
    const response = await fetch(`${base}/v1/jobs?pdfa=3`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(smallReport(4)) });
    expect(response.status).toBe(400);
    const openapi = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, Record<string, { parameters: { name: string }[] }>> };
    expect(openapi.paths['/v1/jobs']!['post']!.parameters.map((p) => p.name)).toContain('pdfa');
  });

  test('a refused report is a failed job with its issues; its PDF is a 409', async () => {
    const { body } = await post(badReport(1));
    const job = await finished(body.id);
    expect(job).toMatchObject({ state: 'failed', ok: false, code: 'E_INVALID_REPORT', attempts: 1 });
    expect((job['issues'] as { pathText: string }[]).map((issue) => issue.pathText)).toEqual(expect.arrayContaining(['meta.title']));
    const pdf = await fetch(`${base}/v1/jobs/${body.id}/pdf`);
    expect(pdf.status).toBe(409);
    expect(await pdf.json()).toMatchObject({ code: 'E_JOB_NOT_RENDERED' });
  });

  test('unknown or malformed ids are 404 problems; a bad query is a 400', async () => {
    for (const id of ['rpt-00000000000000000000000000000000', 'nope', '..%2Fetc']) {
      const response = await fetch(`${base}/v1/jobs/${id}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const response = await fetch(`${base}/v1/jobs?priority=0`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(smallReport(2)) });
    expect(response.status).toBe(400);
  });

  test('the routes are in the OpenAPI document', async () => {
    const openapi = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v1/jobs', '/v1/jobs/{id}', '/v1/jobs/{id}/pdf']));
  });
});
