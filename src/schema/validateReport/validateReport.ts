import { createReportSchema, reportSchema, type Report } from '../report/report.ts';
import type { InputLimits } from '../limits/limits.ts';
import { resolveLimits } from '../limits/resolveLimits.ts';
import { DEFAULT_LIMITS } from '../limits/limits.ts';
import { createIssue } from '../../issues/createIssue.ts';
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
 * @param customLimits Size limits; keys left out take the defaults.
 * @returns `{ ok: true, report }` or `{ ok: false, issues }`.
 * @throws {InvalidArgumentError} When a limit is not a positive whole number.
 */
export function validateReport(input: unknown, customLimits?: Partial<InputLimits>): ReportValidation {
  const limits = resolveLimits(customLimits);
  let schema = schemaCache.get(limits);
  if (schema === undefined) {
    // The default limits' schema is already built as `reportSchema` (building one takes ~10 ms).
    schema = limits === DEFAULT_LIMITS ? reportSchema : createReportSchema(limits);
    schemaCache.set(limits, schema);
  }
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(input);
  } catch (cause) {
    // Only objects built in code get here (a getter that throws, a symbol as `length`); JSON cannot.
    return { ok: false, issues: [createIssue('unreadable_input', 'error', [], {
      zh: `无法读取输入：${cause instanceof Error ? cause.message : String(cause)}；请传入 JSON 数据`,
      en: `the input cannot be read: ${cause instanceof Error ? cause.message : String(cause)}; pass plain JSON data`,
    }, 'plain JSON data')] };
  }
  if (result.success) return { ok: true, report: result.data as Report, issues: [] };
  return { ok: false, issues: toReportIssues(result.error.issues, input) };
}
