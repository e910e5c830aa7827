import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { FontFileSpec, FontRole, ResourcePolicy } from '../api/options.ts';
import { GovReportError, QueueFullError } from '../errors/errors.ts';
import { createRenderPool, DEFAULT_WORKER_HEAP_MB, workerResourceLimits, type RenderPool } from '../pool/createRenderPool.ts';
import { DEFAULT_LIMITS } from '../schema/limits/limits.ts';
import { createServiceMetrics, type ServiceMetrics } from './metrics.ts';
import { registerOpenApi } from './openapi.ts';
import { previewRoutes } from './preview/previewRoutes.ts';
import { problem, problemOfError, type Problem } from './problem.ts';
import { reportRoutes } from './routes.ts';

/** What the server hands each extra plugin (e.g. job routes): the pool, metrics and drain state. */
export interface ServicePluginOptions {
  /** The render workers, shared with /v1/render. */
  readonly pool: RenderPool;
  /** The metrics registry (add your own metrics to `metrics.registry`). */
  readonly metrics: ServiceMetrics;
  /** Whether the server is draining (then take no new work). */
  readonly isDraining: () => boolean;
}

/** An extra Fastify plugin (async) registered into the server after the built-in routes. */
export type ServicePlugin = FastifyPluginAsync<ServicePluginOptions>;

/** Options of {@link createServer}; every one has a safe default. */
export interface ServiceOptions {
  /** Address to listen on (default `127.0.0.1`; `0.0.0.0` in a container). */
  readonly host?: string;
  /** Port (default 8080; 0 picks a free one). */
  readonly port?: number;
  /** Render worker threads (default: cores). */
  readonly workers?: number;
  /** Time budget of one render in ms (default 60 000); past it the answer is 504. */
  readonly timeoutMs?: number;
  /** Renders that may wait for a worker (default 4 per worker); one more is a 429. */
  readonly maxQueue?: number;
  /** Heap limit of each worker in MB (default 1024); a render past it is a 422 E_WORKER_MEMORY. */
  readonly workerMemoryMb?: number;
  /** Largest request body and report in bytes (default the library's maxInputBytes); larger is a 413. */
  readonly maxInputBytes?: number;
  /** Folders and URL prefixes a report's images may name (default: none). */
  readonly resources?: ResourcePolicy;
  /** Origins allowed to call from a browser (default: none, CORS off). */
  readonly corsOrigins?: readonly string[];
  /** When set, /v1/ and /metrics need `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** Receives one JSON line per request (id, method, route, status, ms, pages; never report content). */
  readonly log?: (line: string) => void;
  /** Whether GET / serves the preview page (default true). */
  readonly preview?: boolean;
  /** Fonts by role, as for the library. */
  readonly fonts?: Partial<Record<FontRole, FontFileSpec>>;
  /** Extra plugins, registered after the built-in routes. */
  readonly plugins?: readonly ServicePlugin[];
}

/** A running (or ready-to-run) report service. */
export interface ReportService {
  /** The Fastify instance (e.g. for `inject` in tests). */
  readonly app: FastifyInstance;
  /** The render workers. */
  readonly pool: RenderPool;
  /**
   * Starts listening.
   *
   * @returns The base URL, e.g. `http://127.0.0.1:8080`.
   */
  start(): Promise<string>;
  /** Takes no new work (503), lets the requests in flight finish, then closes the server and the workers. */
  drain(): Promise<void>;
  /** Closes at once: requests in flight are cut, workers stopped. */
  close(): Promise<void>;
}

const REQUIRE = createRequire(import.meta.url);

/**
 * Creates the HTTP service: report routes on a worker pool, OpenAPI, metrics, health, preview
 * page. Touches no process state: the caller (the `serve` command) wires signals and exit.
 *
 * @param options Address, limits, security, logging, extra plugins.
 * @returns The service, ready to start.
 */
export async function createServer(options: ServiceOptions = {}): Promise<ReportService> {
  const maxInputBytes = options.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
  const workerMemoryMb = options.workerMemoryMb ?? DEFAULT_WORKER_HEAP_MB;
  const workers = options.workers ?? availableParallelism();
  const maxQueue = options.maxQueue ?? workers * 4;
  const pool = createRenderPool({
    workers,
    maxQueue,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.fonts === undefined ? {} : { fonts: options.fonts }),
    // Renders yield the CPU to the event loop: /healthz and 429s stay fast while every core renders.
    workerNice: 10,
    resourceLimits: workerResourceLimits(workerMemoryMb),
  });
  const metrics = createServiceMetrics(pool);
  const log = options.log;
  const app = Fastify({
    logger: false,
    bodyLimit: maxInputBytes,
    genReqId: () => randomUUID(),
    // Keep-alive sockets would hold close() open; idle ones are closed, busy ones finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });

  // The body reaches the library as bytes: the library parses it (BOM, size limit, a JSON error
  // with its position) and validates it; Fastify's own JSON parser would answer in its words.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const started = new WeakMap<object, number>();
  const errorCodes = new WeakMap<object, string>();
  const sendProblem = (reply: import('fastify').FastifyReply, body: Problem) => {
    errorCodes.set(reply.request.raw, body.code);
    return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
  };

  app.addHook('onRequest', async (request, reply) => {
    started.set(request.raw, performance.now());
    reply.header('x-request-id', request.id);
    reply.raw.once('close', () => {
      if (log === undefined) return;
      const status = reply.raw.writableFinished ? reply.raw.statusCode : 499;
      const pages = reply.getHeader('x-report-page-count');
      log(JSON.stringify({
        time: new Date().toISOString(),
        id: request.id,
        method: request.method,
        route: request.routeOptions.url ?? request.url.split('?')[0],
        status,
        ms: Math.round((performance.now() - (started.get(request.raw) ?? 0)) * 10) / 10,
        pages: pages === undefined ? null : Number(pages),
        ...(errorCodes.has(request.raw) ? { code: errorCodes.get(request.raw) } : {}),
      }));
    });
    const guarded = request.url.startsWith('/v1/') || request.url.startsWith('/metrics');
    if (guarded && options.token !== undefined && !bearerMatches(request.headers.authorization, options.token)) {
      reply.header('www-authenticate', 'Bearer');
      return sendProblem(reply, problem(401, 'E_UNAUTHORIZED', { zh: '需要有效的令牌（Authorization: Bearer …）', en: 'a valid token is needed (Authorization: Bearer …)' }, { instance: request.id }));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.url.startsWith('/v1/')) {
      if (draining) {
        reply.header('connection', 'close').header('retry-after', '5');
        return sendProblem(reply, problem(503, 'E_DRAINING', { zh: '服务正在停止，不再接受新任务；请稍后重试或改用其他实例', en: 'the server is shutting down and takes no new work; retry later or on another instance' }, { instance: request.id }));
      }
      inFlight += 1;
      reply.raw.once('close', () => {
        inFlight -= 1;
        if (inFlight === 0) idle?.();
      });
    }
    return undefined;
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof GovReportError) {
      if (error instanceof QueueFullError) reply.header('retry-after', String(retryAfterSeconds()));
      return sendProblem(reply, problemOfError(error, request.id));
    }
    const fastifyError = error as { statusCode?: number; code?: string; message?: string; validation?: unknown };
    const status = fastifyError.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      const message = fastifyError.message ?? 'bad request';
      const zh = status === 413 ? `请求体超过上限 ${maxInputBytes} 字节` : status === 415 ? '请以 Content-Type: application/json 发送报告' : '请求无效';
      return sendProblem(reply, problem(status, fastifyError.code ?? 'E_BAD_REQUEST', { zh, en: message }, { instance: request.id }));
    }
    // A bug: the log gets its class and code (never its message, which may quote the report).
    return sendProblem(reply, problem(500, 'E_INTERNAL', { zh: '服务器内部错误', en: 'internal server error' }, { instance: request.id }));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'E_NOT_FOUND', { zh: `没有 ${request.method} ${request.url.split('?')[0]}`, en: `no route ${request.method} ${request.url.split('?')[0]}` }, { instance: request.id })));

  const retryAfterSeconds = () => Math.max(1, Math.ceil(((pool.stats().queued + 1) * metrics.averageSeconds()) / pool.workers));

  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...options.corsOrigins],
      methods: ['GET', 'POST'],
      exposedHeaders: ['X-Report-Page-Count', 'X-Report-Problem-Count', 'X-Report-Problems', 'X-Report-Problems-Truncated', 'X-Request-Id', 'Retry-After'],
    });
  }
  registerOpenApi(app, { version: (REQUIRE('../../package.json') as { version: string }).version, bearer: options.token !== undefined });

  const open = { security: [] };
  app.get('/healthz', { config: { openapi: { ...open, operationId: 'health', summary: 'Liveness: the process answers', responses: { 200: { description: 'Alive.' } } } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { openapi: { ...open, operationId: 'ready', summary: 'Readiness: takes work (not draining, queue not full)', responses: { 200: { description: 'Ready.' }, 503: { description: 'Draining or queue full.' } } } } }, async (_request, reply) => {
    const stats = pool.stats();
    const ready = !draining && stats.queued < maxQueue;
    return reply.code(ready ? 200 : 503).send({ status: draining ? 'draining' : ready ? 'ready' : 'busy', ...stats, maxQueue });
  });
  app.get('/metrics', { config: { openapi: { operationId: 'metrics', summary: 'Prometheus metrics', responses: { 200: { description: 'Prometheus text format.', content: { 'text/plain': { schema: { type: 'string' } } } } } } } }, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));

  await app.register(reportRoutes, { pool: pool, metrics, resources: options.resources ?? {}, maxInputBytes });
  if (options.preview !== false) await app.register(previewRoutes);
  for (const plugin of options.plugins ?? []) await app.register(plugin, { pool: pool, metrics, isDraining: () => draining });
  app.addHook('onClose', async () => pool.close());
  await app.ready();

  return {
    app,
    pool: pool,
    async start() {
      await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
      const address = app.server.address();
      if (address === null || typeof address === 'string') return String(address);
      return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    },
    async drain() {
      draining = true;
      if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
      await app.close();
    },
    close: () => app.close(),
  };
}

/** Compares a bearer token in constant time (hashes first, so the lengths match too). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/iu.exec(header ?? '')?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}
