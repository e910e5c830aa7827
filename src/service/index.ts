// The HTTP service: src/service sits on top of src/api and src/pool, beside src/cli.
export { createServer } from './createServer.ts';
export type { ReportService, ServiceOptions, ServicePlugin, ServicePluginOptions } from './createServer.ts';
export type { ServiceMetrics, JobKind } from './metrics.ts';
export type { Problem } from './problem.ts';
export { decodeProblemsHeader, encodeProblemsHeader, PROBLEMS_HEADER_MAX_BYTES } from './problemsHeader.ts';
export type { OpenApiOperation } from './openapi.ts';
