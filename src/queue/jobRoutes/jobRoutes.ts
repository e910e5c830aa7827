import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyReply } from 'fastify';
import { GovReportError } from '../../errors/errors.ts';
import type { BilingualText } from '../../issues/issue.ts';
import type { ServicePlugin } from '../../service/index.ts';
import { problem } from '../../service/problem.ts';
import type { RenderQueue } from '../createRenderQueue/createRenderQueue.ts';
import type { RenderJobOptions } from '../jobOptions/jobOptions.ts';
import type { RenderJobRecord } from '../renderJob/renderJob.ts';

/** Options of {@link jobRoutes}. */
export interface JobRoutesOptions {
  /** The queue, connected ({@link createRenderQueue}); the caller closes it. */
  readonly queue: RenderQueue;
  /** The folder the workers write PDFs to, as this server sees it (a shared folder). */
  readonly outDir: string;
}

interface JobQuery {
  readonly layout?: string;
  readonly strict?: boolean;
  readonly fillTotals?: boolean;
  readonly pdfa?: '2b' | '2u';
  readonly priority?: number;
}

const ID = /^rpt-[0-9a-f]{32}$/u;
const PROBLEM_JSON = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const ID_PARAMETER = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: ID.source }, description: 'the job id returned by POST /v1/jobs' };
const JOB_SCHEMA = {
  type: 'object',
  required: ['id', 'state', 'issues', 'attempts'],
  properties: {
    id: { type: 'string' },
    state: { type: 'string', enum: ['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed', 'waiting-children'] },
    ok: { type: 'boolean', description: 'true once rendered, false once failed for good; absent while not finished' },
    name: { type: 'string', description: 'the PDF\'s file name in the output folder' },
    pages: { type: 'integer' },
    bytes: { type: 'integer' },
    code: { type: 'string', description: 'why it failed: a library code (E_INVALID_REPORT…), E_INTERNAL or E_STALLED' },
    reason: { type: 'string' },
    issues: { type: 'array', items: { $ref: '#/components/schemas/ReportIssue' }, description: 'warnings of a rendered job, or the problems of a refused report' },
    attempts: { type: 'integer' },
    stalled: { type: 'integer' },
    finishedOn: { type: 'integer', description: 'ms since the epoch' },
  },
};

/**
 * The job routes of the HTTP service, as a plugin for `createServer({ plugins })`:
 * `POST /v1/jobs` (the report as the body, like /v1/render) → `202 { id }`; `GET /v1/jobs/{id}` →
 * state and problems; `GET /v1/jobs/{id}/pdf` → the PDF a worker wrote. Renders happen on the
 * queue's workers (`gov-report-pdf worker`), not in this server.
 *
 * @param options The queue and the shared output folder.
 * @returns The plugin.
 */
export function jobRoutes(options: JobRoutesOptions): ServicePlugin {
  const outDir = resolve(options.outDir);
  const { queue } = options;
  return async (app) => {
    app.post<{ Querystring: JobQuery }>('/v1/jobs', {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            layout: { type: 'string', maxLength: 64 },
            strict: { type: 'boolean' },
            fillTotals: { type: 'boolean' },
            pdfa: { type: 'string', enum: ['2b', '2u'] },
            priority: { type: 'integer', minimum: 1, maximum: 2_097_152 },
          },
        },
      },
      config: {
        openapi: {
          operationId: 'submitJob',
          summary: 'Queue a report for rendering by the queue\'s workers',
          description: 'The job id is derived from the report and its options: the same report submitted twice is one job (outcome "existing"). Poll GET /v1/jobs/{id}.',
          parameters: [
            { name: 'layout', in: 'query', schema: { type: 'string', maxLength: 64 } },
            { name: 'strict', in: 'query', schema: { type: 'boolean' } },
            { name: 'fillTotals', in: 'query', schema: { type: 'boolean' } },
            { name: 'pdfa', in: 'query', schema: { type: 'string', enum: ['2b', '2u'] }, description: 'archival output: PDF/A-2b or PDF/A-2u' },
            { name: 'priority', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 2097152 }, description: '1 is the most urgent; default 10' },
          ],
          requestBody: { required: true, description: 'The report (see GET /v1/schema).', content: { 'application/json': { schema: { $ref: '#/components/schemas/Report' } } } },
          responses: {
            202: {
              description: 'Queued (or already known).',
              headers: { Location: { schema: { type: 'string' } } },
              content: { 'application/json': { schema: { type: 'object', required: ['id', 'outcome', 'state'], properties: { id: { type: 'string' }, outcome: { type: 'string', enum: ['added', 'existing', 'retried'] }, state: { type: 'string' } } } } },
            },
            503: { description: 'Redis cannot be reached, or the server is draining.', content: PROBLEM_JSON },
          },
        },
      },
    }, async (request, reply) => {
      const body = request.body;
      const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : JSON.stringify(body);
      // Parsed, so the id does not depend on spacing; text that is not JSON is queued as it is,
      // and the worker refuses it with the position of the syntax error, like any bad report.
      let report: unknown = text;
      try {
        report = JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown;
      } catch {
        report = text;
      }
      const { priority, ...rest } = request.query;
      const jobOptions: RenderJobOptions = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      const submitted = await unlessQueueDown(reply, request.id, () => queue.submit({ report, options: jobOptions, ...(priority === undefined ? {} : { priority }) }));
      if (submitted === undefined) return reply;
      return reply.code(202).header('location', `/v1/jobs/${submitted.id}`).send(submitted);
    });

    app.get<{ Params: { id: string } }>('/v1/jobs/:id', {
      config: {
        openapi: {
          operationId: 'getJob',
          summary: 'A job\'s state, and its problems once finished',
          parameters: [ID_PARAMETER],
          responses: { 200: { description: 'The job.', content: { 'application/json': { schema: JOB_SCHEMA } } }, 404: { description: 'No such job (never submitted, or expired).', content: PROBLEM_JSON } },
        },
      },
    }, async (request, reply) => {
      const record = await findJob(reply, request.params.id, request.id);
      if (record === undefined) return reply;
      const { output: _hidden, ...visible } = record;
      return reply.send(visible);
    });

    app.get<{ Params: { id: string } }>('/v1/jobs/:id/pdf', {
      config: {
        openapi: {
          operationId: 'getJobPdf',
          summary: 'The PDF of a rendered job',
          parameters: [ID_PARAMETER],
          responses: {
            200: { description: 'The PDF.', content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } } },
            404: { description: 'No such job, or its PDF is not in this server\'s output folder.', content: PROBLEM_JSON },
            409: { description: 'The job is not rendered (yet, or it failed); the problem says its state.', content: PROBLEM_JSON },
          },
        },
      },
    }, async (request, reply) => {
      const record = await findJob(reply, request.params.id, request.id);
      if (record === undefined) return reply;
      if (record.state !== 'completed' || record.name === undefined) {
        const message: BilingualText = record.state === 'failed'
          ? { zh: `任务失败（${record.code ?? ''}），没有 PDF；详见 GET /v1/jobs/${record.id}`, en: `the job failed (${record.code ?? ''}), there is no PDF; see GET /v1/jobs/${record.id}` }
          : { zh: `任务尚未完成（${record.state}）`, en: `the job is not finished yet (${record.state})` };
        return sendProblem(reply, problem(409, 'E_JOB_NOT_RENDERED', message, { instance: request.id }));
      }
      let pdf: Buffer;
      try {
        pdf = await readFile(join(outDir, record.name));
      } catch {
        return sendProblem(reply, problem(404, 'E_PDF_MISSING', {
          zh: `输出文件夹中没有 ${record.name}（worker 与本服务须共用同一文件夹）`,
          en: `${record.name} is not in the output folder (workers and this server must share it)`,
        }, { instance: request.id }));
      }
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${record.name}"`).header('x-report-page-count', String(record.pages ?? '')).send(pdf);
    });
  };

  async function findJob(reply: FastifyReply, id: string, instance: string): Promise<RenderJobRecord | undefined> {
    const record = ID.test(id) ? await unlessQueueDown(reply, instance, () => queue.job(id)) : undefined;
    if (record === undefined && !reply.sent) {
      sendProblem(reply, problem(404, 'E_JOB_NOT_FOUND', { zh: `没有任务 ${id}（从未提交，或已过期）`, en: `no job ${id} (never submitted, or expired)` }, { instance }));
    }
    return record;
  }
}

/** Runs a queue call; when Redis cannot be reached, answers 503 and returns `undefined`. Library errors (bad options) go on to the server's handler. */
async function unlessQueueDown<T>(reply: FastifyReply, instance: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GovReportError) throw error;
    reply.header('retry-after', '5');
    sendProblem(reply, problem(503, 'E_QUEUE_UNAVAILABLE', { zh: '无法连接任务队列（Redis）；请稍后重试', en: 'the job queue (Redis) cannot be reached; retry later' }, { instance }));
    return undefined;
  }
}

function sendProblem(reply: FastifyReply, body: ReturnType<typeof problem>): FastifyReply {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}
