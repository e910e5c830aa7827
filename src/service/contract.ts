import * as z from 'zod';
import { reportJsonSchema } from '../schema/jsonSchema/jsonSchema.ts';
import { LAYOUT_PRESET_NAMES } from '../schema/layoutPreset/layoutPreset.ts';

// The HTTP contract as zod schemas: the same objects give Fastify its query-string validation
// and /openapi.json its schemas, so the documentation cannot drift from what the server does.

/** One problem of a report, exactly as the library returns it (`ReportIssue`). */
export const issueSchema = z
  .object({
    code: z.string().describe('stable rule name, e.g. sum_mismatch'),
    severity: z.enum(['error', 'warning']),
    path: z.array(z.union([z.string(), z.number().int()])).describe('keys and indexes from the report root'),
    pathText: z.string().describe('the same path written as sections[2].content[0]'),
    message: z.object({ zh: z.string(), en: z.string() }),
    expected: z.string().optional().describe('what would be valid'),
  })
  .meta({ id: 'ReportIssue' });

/** RFC 9457 problem details, with the library's error code and the report's issues. */
export const problemSchema = z
  .object({
    type: z.string().describe('a URN naming the kind of problem, e.g. urn:gov-report-pdf:problem:e-invalid-report'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('what went wrong and what to do, in Chinese / English'),
    code: z.string().describe('stable error code, e.g. E_INVALID_REPORT, E_QUEUE_FULL'),
    instance: z.string().optional().describe('the request id'),
    issues: z.array(issueSchema).optional().describe('the problems of the report, each with its path'),
  })
  .meta({ id: 'Problem' });

/** What POST /v1/check answers. */
export const checkResultSchema = z
  .object({
    ok: z.boolean().describe('false when an error would stop the render (or, with strict=true, any warning)'),
    errors: z.number().int(),
    warnings: z.number().int(),
    pageCount: z.number().int().nullable().describe('pages the layout planned; null when the report was refused'),
    issues: z.array(issueSchema),
  })
  .meta({ id: 'CheckResult' });

/** The problems part of a multipart render answer, and the decoded X-Report-Problems header. */
export const renderProblemsSchema = z
  .object({
    pageCount: z.number().int(),
    issues: z.array(issueSchema),
  })
  .meta({ id: 'RenderProblems' });

const sharedQuery = {
  layout: z.enum(LAYOUT_PRESET_NAMES).optional().describe('a built-in layout preset; overrides the report\'s layout'),
  strict: z.boolean().optional().describe('refuse to render (422) when there is any warning'),
  fillTotals: z.boolean().optional().describe('compute totals of the official tables left blank'),
};

/** Query parameters of /v1/check: the options that change what a check finds. */
export const checkQuerySchema = z.object(sharedQuery).strict();

/** Query parameters of /v1/render: the render options a URL can carry. */
export const renderQuerySchema = z
  .object({
    ...sharedQuery,
    pdfa: z.enum(['2b', '2u']).optional().describe('archival output: PDF/A-2b, or PDF/A-2u (XMP identification, sRGB output intent, zh-CN)'),
  })
  .strict();

/**
 * A query-string schema as OpenAPI parameters (one `in: query` parameter per property, its
 * schema and description from zod), so /openapi.json lists exactly what the server validates.
 *
 * @param schema A zod object schema of query parameters.
 * @returns The parameter objects.
 */
export function queryParameters(schema: z.ZodObject): Record<string, unknown>[] {
  const { properties = {} } = toSchema(schema, 'input') as { properties?: Record<string, Record<string, unknown>> };
  return Object.entries(properties).map(([name, { description, ...property }]) => ({ name, in: 'query', schema: property, ...(description === undefined ? {} : { description }) }));
}

/** GET /v1/skeleton/{version}: which form version, which year. */
export const skeletonParamsSchema = z.object({ version: z.enum(['2019', '2021']) }).strict();
/** The year of a skeleton. */
export const skeletonQuerySchema = z.object({ year: z.number().int().min(1990).max(2200).optional() }).strict();

/**
 * A zod schema as a plain JSON Schema for Fastify's validator and for OpenAPI: no `$schema`
 * key (Fastify's Ajv speaks draft-07), named schemas referenced from `#/components/schemas/`.
 *
 * @param schema A zod schema.
 * @param io Whether the schema describes what is read (`input`) or written (`output`).
 * @returns The JSON Schema.
 */
export function toSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _schema, $defs: _defs, id: _id, ...rest } = json;
  return rest;
}

/** The named schemas of the contract, for `components.schemas`. */
export function contractComponents(): Record<string, unknown> {
  // A registry of the contract's own schemas only (the global one also holds the report's).
  const registry = z.registry<{ id: string }>();
  for (const schema of [issueSchema, problemSchema, checkResultSchema, renderProblemsSchema]) registry.add(schema, { id: schema.meta()!['id'] as string });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  const components: Record<string, unknown> = {};
  for (const id of ['ReportIssue', 'Problem', 'CheckResult', 'RenderProblems']) {
    const { $schema: _schema, $id: _id, ...rest } = schemas[id] ?? {};
    components[id] = rest;
  }
  return { ...components, ...reportComponents() };
}

/**
 * The report's JSON Schema (the one `GET /v1/schema` serves) as components: its `$defs` become
 * `Report_…` entries beside `Report`, their references rewritten to match.
 */
function reportComponents(): Record<string, unknown> {
  const { $schema: _schema, $id: _id, $defs = {}, ...report } = reportJsonSchema() as Record<string, unknown> & { $defs?: Record<string, unknown> };
  const rewrite = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/Report_')) as unknown;
  const components: Record<string, unknown> = { Report: rewrite(report) };
  for (const [name, schema] of Object.entries($defs)) components[`Report_${name}`] = rewrite(schema);
  return components;
}
