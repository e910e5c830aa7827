import type { FastifyInstance } from 'fastify';
import { contractComponents } from './contract.ts';

/** An OpenAPI 3.1 operation object, as a route declares it in `config.openapi`. */
export type OpenApiOperation = Readonly<Record<string, unknown>>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route's OpenAPI 3.1 operation; routes without one are not in /openapi.json. */
    openapi?: OpenApiOperation;
  }
}

/** What the OpenAPI document says about the service. */
export interface OpenApiInfo {
  /** The package version. */
  readonly version: string;
  /** Whether a bearer token guards /v1/ and /metrics. */
  readonly bearer: boolean;
}

/**
 * Collects the OpenAPI operation of every route registered after it (its `config.openapi`,
 * plugins' routes included) and serves the document at `GET /openapi.json`. The schemas come
 * from zod (src/service/contract.ts and the report schema), never written by hand.
 *
 * Why not @fastify/swagger: it takes the docs from each route's `schema.body`/`response`, which
 * Fastify then also compiles — Ajv would validate the report a second time (src/schema is the
 * only validator, with paths and bilingual messages) and fast-json-stringify would drop any
 * field a response schema does not list. A route's `config.openapi` documents without either.
 *
 * @param app The Fastify instance (root).
 * @param info Version and security.
 */
export function registerOpenApi(app: FastifyInstance, info: OpenApiInfo): void {
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  app.addHook('onRoute', (route) => {
    const operation = route.config?.openapi;
    if (operation === undefined) return;
    const path = route.url.replace(/:([A-Za-z0-9_]+)/gu, '{$1}');
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      (paths[path] ??= {})[method.toLowerCase()] = operation;
    }
  });
  let document: string | undefined;
  app.get('/openapi.json', async (_request, reply) => {
    document ??= JSON.stringify({
      openapi: '3.1.0',
      info: {
        title: 'gov-report-pdf',
        version: info.version,
        description: 'Print-ready PDFs of Chinese government reports (政府信息公开工作年度报告). A render\'s warnings come back with its PDF: in the X-Report-Problems header (base64url JSON, capped) or, with Accept: multipart/mixed, as a JSON part before the PDF part.',
      },
      paths,
      components: {
        schemas: contractComponents(),
        ...(info.bearer ? { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } : {}),
      },
      ...(info.bearer ? { security: [{ bearer: [] }] } : {}),
    });
    return reply.type('application/json; charset=utf-8').send(document);
  });
}

/** A JSON response or request body of a named contract schema. */
export function jsonOf(schemaName: string, mediaType = 'application/json'): Record<string, unknown> {
  return { content: { [mediaType]: { schema: { $ref: `#/components/schemas/${schemaName}` } } } };
}
