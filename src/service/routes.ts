import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RenderOptions, ResourcePolicy } from '../api/options.ts';
import { GovReportError } from '../errors/errors.ts';
import { createFormSkeleton } from '../forms/createFormSkeleton/createFormSkeleton.ts';
import { createIssue } from '../issues/createIssue.ts';
import type { ReportIssue } from '../issues/issue.ts';
import type { RenderPool } from '../pool/createRenderPool.ts';
import { reportJsonSchema } from '../schema/jsonSchema/jsonSchema.ts';
import type { LayoutPresetName } from '../schema/layoutPreset/layoutPreset.ts';
import { checkQuerySchema, queryParameters, renderQuerySchema, skeletonParamsSchema, skeletonQuerySchema, toSchema } from './contract.ts';
import type { JobKind, ServiceMetrics } from './metrics.ts';
import { jsonOf } from './openapi.ts';
import { REPORT_ERROR_CODES } from './problem.ts';
import { encodeProblemsHeader } from './problemsHeader.ts';

/** What the report routes need from the server. */
export interface ReportRoutesOptions {
  /** The render workers. */
  readonly pool: RenderPool;
  /** Where the metrics go. */
  readonly metrics: ServiceMetrics;
  /** The operator's resource policy (files and URLs a report may name). */
  readonly resources: ResourcePolicy;
  /** The largest report in bytes (also the body limit). */
  readonly maxInputBytes: number;
}

interface RenderQuery {
  readonly layout?: LayoutPresetName;
  readonly strict?: boolean;
  readonly fillTotals?: boolean;
  readonly pdfa?: '2b' | '2u';
}

const REPORT_BODY = { required: true, description: 'The report (see GET /v1/schema).', ...jsonOf('Report') };
const PROBLEM = (description: string) => ({ description, ...jsonOf('Problem', 'application/problem+json') });
const LOAD_PROBLEMS = {
  413: PROBLEM('The body is larger than the server\'s maxInputBytes.'),
  429: { ...PROBLEM('The render queue is full; retry after the Retry-After seconds.'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
  503: PROBLEM('The server is draining (shutting down); retry on another instance.'),
  504: PROBLEM('The render ran past the server\'s time budget and was stopped.'),
};

/**
 * The report routes: `POST /v1/render`, `POST /v1/check`, `GET /v1/schema`, `GET /v1/skeleton/{version}`.
 * Renders and checks run on the worker pool; a client that disconnects cancels its job.
 *
 * @param app The Fastify instance.
 * @param options Pool, metrics, policy and limits.
 */
export async function reportRoutes(app: FastifyInstance, options: ReportRoutesOptions): Promise<void> {
  const { pool, metrics, resources, maxInputBytes } = options;
  const renderQuery = toSchema(renderQuerySchema, 'input');
  const checkQuery = toSchema(checkQuerySchema, 'input');
  const renderOptions = (query: RenderQuery, strict: boolean): RenderOptions => ({
    // The render checks the name (resolvePreset) and refuses an unknown one with the list of presets.
    ...(query.layout === undefined ? {} : { layout: query.layout as NonNullable<RenderOptions['layout']> }),
    ...(query.fillTotals === undefined ? {} : { fillTotals: query.fillTotals }),
    ...(query.pdfa === undefined ? {} : { pdfa: query.pdfa }),
    strict,
    resources,
    limits: { maxInputBytes },
  });
  /** Runs a job, recording its time and outcome; errors go on to the error handler. */
  const timed = async <T>(kind: JobKind, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      const result = await run();
      metrics.record(kind, (performance.now() - started) / 1000);
      return result;
    } catch (error) {
      const code = error instanceof GovReportError ? error.code : 'E_INTERNAL';
      metrics.record(kind, (performance.now() - started) / 1000, code, error instanceof GovReportError && REPORT_ERROR_CODES.has(error.code));
      throw error;
    }
  };

  app.post<{ Querystring: RenderQuery }>('/v1/render', {
    schema: { querystring: renderQuery },
    config: {
      openapi: {
        operationId: 'render',
        summary: 'Render a report to PDF',
        description: 'The PDF comes with the render\'s warnings: X-Report-Problem-Count, and X-Report-Problems = base64url(UTF-8 JSON array of ReportIssue), cut at 6 KB (then X-Report-Problems-Truncated: true). Send Accept: multipart/mixed to get a JSON part (RenderProblems, every issue) followed by the PDF part instead.',
        parameters: queryParameters(renderQuerySchema),
        requestBody: REPORT_BODY,
        responses: {
          200: {
            description: 'The PDF.',
            headers: {
              'X-Report-Page-Count': { schema: { type: 'integer' } },
              'X-Report-Problem-Count': { schema: { type: 'integer' } },
              'X-Report-Problems': { schema: { type: 'string', contentEncoding: 'base64url' }, description: 'base64url of the JSON array of warnings' },
              'X-Report-Problems-Truncated': { schema: { type: 'string', enum: ['true'] } },
            },
            content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } }, 'multipart/mixed': { schema: { type: 'string' } } },
          },
          422: PROBLEM('The report was refused; issues lists every problem with its path.'),
          ...LOAD_PROBLEMS,
        },
      },
    },
  }, async (request, reply) => {
    const signal = abortOnDisconnect(request, reply);
    const result = await timed('render', () => pool.render(request.body, { ...renderOptions(request.query, request.query.strict === true), signal }));
    const pdf = Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength);
    reply.header('x-report-page-count', String(result.pageCount));
    reply.headers({ ...encodeProblemsHeader(result.warnings) });
    if (wantsMultipart(request)) {
      const boundary = `gov-report-pdf-${randomBytes(12).toString('hex')}`;
      const json = JSON.stringify({ pageCount: result.pageCount, issues: result.warnings });
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Disposition: inline; name="problems"\r\n\r\n${json}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; name="pdf"; filename="report.pdf"\r\n\r\n`),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return reply.type(`multipart/mixed; boundary=${boundary}`).send(body);
    }
    return reply.type('application/pdf').send(pdf);
  });

  app.post<{ Querystring: Omit<RenderQuery, 'pdfa'> }>('/v1/check', {
    schema: { querystring: checkQuery },
    config: {
      openapi: {
        operationId: 'check',
        summary: 'Check a report without rendering it',
        description: 'Runs everything a render runs except writing the PDF, and lists every problem (errors and warnings) with its path. A refused report is a 200 with ok=false.',
        parameters: queryParameters(checkQuerySchema),
        requestBody: REPORT_BODY,
        responses: { 200: { description: 'The problems.', ...jsonOf('CheckResult') }, ...LOAD_PROBLEMS },
      },
    },
  }, async (request, reply) => {
    const signal = abortOnDisconnect(request, reply);
    let issues: readonly ReportIssue[];
    let pageCount: number | null = null;
    try {
      const checked = await timed('check', () => pool.check(request.body, { ...renderOptions(request.query, false), signal }));
      issues = checked.warnings;
      pageCount = checked.pageCount;
    } catch (error) {
      if (!(error instanceof GovReportError) || !REPORT_ERROR_CODES.has(error.code)) throw error;
      issues = error.issues.length > 0 ? error.issues : [createIssue(error.code, 'error', [], error.bilingual)];
    }
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    const warnings = issues.length - errors;
    const ok = errors === 0 && !(request.query.strict === true && warnings > 0);
    if (pageCount !== null) reply.header('x-report-page-count', String(pageCount));
    return reply.send({ ok, errors, warnings, pageCount, issues });
  });

  let schemaText: string | undefined;
  app.get('/v1/schema', {
    config: { openapi: { operationId: 'schema', summary: 'The report\'s JSON Schema (draft 2020-12)', responses: { 200: { description: 'JSON Schema.', ...jsonOf('Report', 'application/schema+json') } } } },
  }, async (_request, reply) => reply.type('application/schema+json').send((schemaText ??= JSON.stringify(reportJsonSchema()))));

  app.get<{ Params: { version: '2019' | '2021' }; Querystring: { year?: number } }>('/v1/skeleton/:version', {
    schema: { params: toSchema(skeletonParamsSchema, 'input'), querystring: toSchema(skeletonQuerySchema, 'input') },
    config: {
      openapi: {
        operationId: 'skeleton',
        summary: 'A report skeleton with blank official tables (what `gov-report-pdf init` writes)',
        parameters: [
          { name: 'version', in: 'path', required: true, schema: { type: 'string', enum: ['2019', '2021'] }, description: 'the official form version' },
          { name: 'year', in: 'query', schema: { type: 'integer', minimum: 1990, maximum: 2200 }, description: 'the report year (default: last year)' },
        ],
        responses: { 200: { description: 'The skeleton.', ...jsonOf('Report') } },
      },
    },
  }, async (request) => createFormSkeleton(request.params.version, request.query.year ?? new Date().getUTCFullYear() - 1));
}

/**
 * An AbortSignal that fires when the client goes away before the answer was sent, so its
 * queued job leaves the queue and a running one stops.
 */
function abortOnDisconnect(request: FastifyRequest, reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  if (request.raw.destroyed) controller.abort();
  return controller.signal;
}

function wantsMultipart(request: FastifyRequest): boolean {
  return /\bmultipart\/mixed\b/iu.test(request.headers.accept ?? '');
}
