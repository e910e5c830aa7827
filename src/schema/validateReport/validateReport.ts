import { createReportSchema, type Report } from '../report/report.ts';
import { DEFAULT_LIMITS, type InputLimits } from '../limits/limits.ts';
import { toReportIssues } from '../toReportIssues/toReportIssues.ts';
import type { ReportIssue } from '../../issues/issue.ts';

/** The outcome of {@link validateReport}: the typed report, or the problems with their paths. */
export type ReportValidation =
  | { readonly ok: true; readonly report: Report; readonly issues: readonly [] }
  | { readonly ok: false; readonly issues: readonly ReportIssue[] };

const schemaCache = new WeakMap<InputLimits, ReturnType<typeof createReportSchema>>();

/**
 * Checks untrusted input against the report model. Never throws for bad input.
 *
 * @param input Anything (parsed JSON, or an object built in code).
 * @param limits Size limits (defaults: {@link DEFAULT_LIMITS}).
 * @returns `{ ok: true, report }` or `{ ok: false, issues }`.
 */
export function validateReport(input: unknown, limits: InputLimits = DEFAULT_LIMITS): ReportValidation {
  let schema = schemaCache.get(limits);
  if (schema === undefined) {
    schema = createReportSchema(limits);
    schemaCache.set(limits, schema);
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, report: result.data as Report, issues: [] };
  return { ok: false, issues: toReportIssues(result.error.issues, input) };
}
