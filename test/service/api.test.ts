import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeProblemsHeader } from '../../src/service/index.ts';
import { pdfaIdentification } from '../helpers/pdfaIdentification.ts';
import { longReport, postJson, SEED, startService, type TestService } from './_helpers.ts';

// The HTTP contract, against a real server on 127.0.0.1.
describe('report routes', () => {
  let server: TestService;
  beforeAll(async () => {
    server = await startService({ workers: 1 });
  });
  afterAll(() => server.service.close());

  test('POST /v1/render answers the PDF, its page count and its warnings in the headers', async () => {
    const response = await postJson(`${server.url}/v1/render`, SEED);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.headers.get('x-report-page-count')).toBe('8');
    const warnings = decodeProblemsHeader(response.headers.get('x-report-problems')!);
    expect(warnings.length).toBe(Number(response.headers.get('x-report-problem-count')));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((issue) => issue.severity === 'warning' && typeof issue.pathText === 'string')).toBe(true);
    expect(response.headers.get('x-report-problems-truncated')).toBeNull();

    // The same warnings as /v1/check lists for the same report.
    const check = await postJson(`${server.url}/v1/check`, SEED);
    const checked = (await check.json()) as { ok: boolean; warnings: number; pageCount: number; issues: unknown[] };
    expect(checked).toMatchObject({ ok: true, errors: 0, warnings: warnings.length, pageCount: 8 });
    expect(checked.issues).toEqual(warnings);
  });

  test('Accept: multipart/mixed answers every warning as a JSON part, then the PDF part', async () => {
    const response = await postJson(`${server.url}/v1/render`, SEED, { headers: { accept: 'multipart/mixed' } });
    expect(response.status).toBe(200);
    const boundary = /boundary=([^;]+)/u.exec(response.headers.get('content-type')!)![1]!;
    const body = Buffer.from(await response.arrayBuffer());
    const parts = body.toString('latin1').split(`--${boundary}`);
    expect(parts.length).toBe(4); // preamble, json, pdf, epilogue
    const [jsonHead, jsonBody] = Buffer.from(parts[1]!, 'latin1').toString('utf8').split('\r\n\r\n');
    expect(jsonHead).toContain('application/json');
    const problems = JSON.parse(jsonBody!.trim()) as { pageCount: number; issues: unknown[] };
    expect(problems.pageCount).toBe(8);
    expect(problems.issues).toEqual(decodeProblemsHeader(response.headers.get('x-report-problems')!));
    expect(parts[2]).toContain('application/pdf');
    expect(parts[2]).toContain('%PDF-');
  });

  test('a refused report is a 422 problem+json listing every issue with its path', async () => {
    const response = await postJson(`${server.url}/v1/render`, { meta: { title: '', year: 'x' }, sections: [] });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/u);
    const body = (await response.json()) as { type: string; title: string; status: number; code: string; detail: string; issues: { pathText: string; message: { zh: string; en: string } }[] };
    expect(body).toMatchObject({ status: 422, code: 'E_INVALID_REPORT', title: 'Unprocessable Content' });
    expect(body.type).toBe('urn:gov-report-pdf:problem:e-invalid-report');
    expect(body.issues.map((issue) => issue.pathText)).toEqual(expect.arrayContaining(['meta.issuer', 'meta.year']));
    expect(body.issues.every((issue) => issue.message.zh !== '' && issue.message.en !== '')).toBe(true);
  });

  test('JSON that does not parse is a 422 naming where; strict warnings are a 422 E_REFUSED_STRICT', async () => {
    const broken = await postJson(`${server.url}/v1/render`, Buffer.from('{"meta": '));
    expect(broken.status).toBe(422);
    expect(((await broken.json()) as { issues: { code: string }[] }).issues[0]!.code).toBe('invalid_json');
    const strict = await postJson(`${server.url}/v1/render?strict=true`, SEED);
    expect(strict.status).toBe(422);
    expect(((await strict.json()) as { code: string }).code).toBe('E_REFUSED_STRICT');
  });

  test('/v1/check lists the errors of a refused report as a 200 with ok=false', async () => {
    const response = await postJson(`${server.url}/v1/check`, { meta: {} });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; errors: number; pageCount: null; issues: { severity: string }[] };
    expect(body.ok).toBe(false);
    expect(body.pageCount).toBeNull();
    expect(body.errors).toBeGreaterThan(0);
  });

  test('POST /v1/render?pdfa=2b|2u answers PDF/A; another level is a 400; /openapi.json lists the parameter for render only', async () => {
    for (const level of ['2b', '2u'] as const) {
      const response = await postJson(`${server.url}/v1/render?pdfa=${level}`, SEED);
      expect(response.status).toBe(200);
      expect(pdfaIdentification(new Uint8Array(await response.arrayBuffer()))).toBe(level.toUpperCase());
    }
    const plain = await postJson(`${server.url}/v1/render`, SEED);
    expect(pdfaIdentification(new Uint8Array(await plain.arrayBuffer()))).toBeUndefined();
    const bad = await postJson(`${server.url}/v1/render?pdfa=1a`, SEED);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('FST_ERR_VALIDATION');
    type Parameter = { name: string; in: string; schema: { enum?: string[] } };
    const openapi = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { parameters: Parameter[] }>> };
    const render = openapi.paths['/v1/render']!['post']!.parameters;
    expect(render.map((p) => p.name)).toEqual(['layout', 'strict', 'fillTotals', 'pdfa']);
    expect(render.find((p) => p.name === 'pdfa')).toMatchObject({ in: 'query', schema: { type: 'string', enum: ['2b', '2u'] } });
    expect(openapi.paths['/v1/check']!['post']!.parameters.map((p) => p.name)).toEqual(['layout', 'strict', 'fillTotals']);
  });

  test('a bad query parameter is a 400 problem; an unknown route a 404 problem', async () => {
    const bad = await postJson(`${server.url}/v1/render?strict=perhaps`, SEED);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('FST_ERR_VALIDATION');
    const missing = await fetch(`${server.url}/v2/nothing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/u);
  });

  test('GET /v1/schema is the library\'s JSON Schema; /openapi.json is OpenAPI 3.1 built from it', async () => {
    type Node = { $ref?: string; properties?: Record<string, unknown> };
    const schema = (await (await fetch(`${server.url}/v1/schema`)).json()) as Node & { $defs: Record<string, Node> };
    const openapi = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Node> } };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v1/render', '/v1/check', '/v1/schema', '/healthz', '/readyz', '/metrics', '/v1/skeleton/{version}']));
    // The report's root object, following one reference if the schema names its root.
    const root = (node: Node, lookup: (ref: string) => Node | undefined) => (node.$ref === undefined ? node : lookup(node.$ref)!);
    const reportRoot = root(schema, (ref) => schema.$defs[ref.replace('#/$defs/', '')]);
    const openapiRoot = root(openapi.components.schemas.Report!, (ref) => openapi.components.schemas[ref.replace('#/components/schemas/', '')]);
    expect(Object.keys(openapiRoot.properties!)).toEqual(Object.keys(reportRoot.properties!));
    expect(Object.keys(openapiRoot.properties!)).toEqual(expect.arrayContaining(['meta', 'sections']));
    for (const name of Object.keys(schema.$defs)) expect(openapi.components.schemas[`Report_${name}`]).toBeDefined();
    // Every reference points at a schema the document has.
    const refs = [...JSON.stringify(openapi).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/gu)].map((match) => match[1]!);
    expect(refs.filter((ref) => openapi.components.schemas[ref] === undefined)).toEqual([]);
    expect(Object.keys(openapi.components.schemas.ReportIssue!.properties!)).toEqual(['code', 'severity', 'path', 'pathText', 'message', 'expected']);
  });

  test('/healthz, /readyz and /metrics answer; the metrics count renders and failures', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toMatchObject({ status: 'ready', workers: 1 });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^govreport_jobs_total\{kind="render",outcome="ok"\} [1-9]/mu);
    expect(metrics).toMatch(/^govreport_job_failures_total\{kind="render",code="E_INVALID_REPORT"\} [1-9]/mu);
    expect(metrics).toMatch(/^govreport_queue_depth 0$/mu);
    expect(metrics).toMatch(/^govreport_render_duration_seconds_count\{kind="render"\} [1-9]/mu);
  });

  test('GET /v1/skeleton/{version} gives the init skeletons of both form versions', async () => {
    for (const version of ['2019', '2021']) {
      const skeleton = (await (await fetch(`${server.url}/v1/skeleton/${version}?year=2024`)).json()) as { form: string; meta: { year: number } };
      expect(skeleton).toMatchObject({ form: version, meta: { year: 2024 } });
    }
    expect((await fetch(`${server.url}/v1/skeleton/2020`)).status).toBe(400);
  });

  test('one JSON log line per request with id, status, ms and pages, and never the report\'s text', async () => {
    const marker = `独一无二的标题${Date.now()}`;
    await (await postJson(`${server.url}/v1/render`, longReport(20, marker))).arrayBuffer();
    await (await postJson(`${server.url}/v1/render`, { meta: { title: marker, year: 'bad' }, sections: [] })).arrayBuffer();
    await (await postJson(`${server.url}/v1/check`, { meta: { title: marker } })).arrayBuffer();
    const lines = server.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const renders = lines.filter((line) => line['route'] === '/v1/render');
    expect(renders.some((line) => line['status'] === 200 && typeof line['pages'] === 'number' && (line['pages'] as number) >= 1)).toBe(true);
    expect(renders.some((line) => line['status'] === 422 && line['code'] === 'E_INVALID_REPORT')).toBe(true);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['id', 'status', 'ms', 'pages']));
      expect(typeof line['ms']).toBe('number');
    }
    expect(server.logs.join('\n')).not.toContain(marker);
    expect(server.logs.join('\n')).not.toContain('独一无二');
  });
});

describe('security', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-service-'));
    // A 1×1 PNG.
    await writeFile(join(folder, 'dot.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));
  const withImage = (src: string) => ({ meta: { title: '图', issuer: '机关', year: 2024 }, sections: [{ heading: '图', content: [{ image: { src, width: 20 } }] }] });

  test('no file is read for a request unless the operator allowed its folder', async () => {
    const closed = await startService();
    const open = await startService({ resources: { allowedDirectories: [folder] } });
    try {
      const denied = await postJson(`${closed.url}/v1/render`, withImage(join(folder, 'dot.png')));
      expect(denied.status).toBe(422);
      expect(((await denied.json()) as { code: string }).code).toBe('E_RESOURCE_DENIED');
      const url = await postJson(`${closed.url}/v1/render`, withImage('http://127.0.0.1:9/x.png'));
      expect(((await url.json()) as { code: string }).code).toBe('E_RESOURCE_DENIED');
      const allowed = await postJson(`${open.url}/v1/render`, withImage(join(folder, 'dot.png')));
      expect(allowed.status).toBe(200);
      const outside = await postJson(`${open.url}/v1/render`, withImage('/etc/passwd'));
      expect(((await outside.json()) as { code: string }).code).toBe('E_RESOURCE_DENIED');
    } finally {
      await Promise.all([closed.service.close(), open.service.close()]);
    }
  });

  test('a bearer token guards /v1/ and /metrics; health and OpenAPI stay open', async () => {
    const guarded = await startService({ token: 's3cret-token' });
    try {
      const without = await fetch(`${guarded.url}/v1/schema`);
      expect(without.status).toBe(401);
      expect(without.headers.get('www-authenticate')).toBe('Bearer');
      expect((await fetch(`${guarded.url}/v1/schema`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/v1/schema`, { headers: { authorization: 'Bearer s3cret-token' } })).status).toBe(200);
      expect((await fetch(`${guarded.url}/healthz`)).status).toBe(200);
      const openapi = (await (await fetch(`${guarded.url}/openapi.json`)).json()) as { components: { securitySchemes?: unknown } };
      expect(openapi.components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
    } finally {
      await guarded.service.close();
    }
  });

  test('CORS is off unless origins are configured', async () => {
    const plain = await startService();
    const shared = await startService({ corsOrigins: ['https://portal.example.gov.cn'] });
    try {
      const headers = { origin: 'https://portal.example.gov.cn' };
      expect((await fetch(`${plain.url}/healthz`, { headers })).headers.get('access-control-allow-origin')).toBeNull();
      expect((await fetch(`${shared.url}/healthz`, { headers })).headers.get('access-control-allow-origin')).toBe('https://portal.example.gov.cn');
      expect((await fetch(`${shared.url}/healthz`, { headers: { origin: 'https://elsewhere.example' } })).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await Promise.all([plain.service.close(), shared.service.close()]);
    }
  });

  test('extra plugins are registered with the pool and appear in /openapi.json', async () => {
    const withPlugin = await startService({
      plugins: [async (app, { pool }) => {
        app.get('/v1/extra', { config: { openapi: { operationId: 'extra', responses: { 200: { description: 'workers' } } } } }, async () => ({ workers: pool.workers }));
      }],
    });
    try {
      expect(await (await fetch(`${withPlugin.url}/v1/extra`)).json()).toEqual({ workers: 1 });
      const openapi = (await (await fetch(`${withPlugin.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(openapi.paths['/v1/extra']).toBeDefined();
    } finally {
      await withPlugin.service.close();
    }
  });
});
