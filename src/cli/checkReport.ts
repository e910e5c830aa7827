import type { ReportIssue } from '../issues/issue.ts';
import type { CliApi } from './api.ts';

/** Options of {@link checkReport}. */
export interface CheckReportOptions {
  /** Totals left blank will be computed, so they are not reported as missing. */
  readonly fillTotals?: boolean;
  /** Last year's report, for the carried-forward check. */
  readonly previousYear?: unknown;
}

/**
 * Finds every problem in a report without writing a PDF: validation errors first; if the report
 * is valid, everything a render would warn about — its official tables (arithmetic, blank cells,
 * placeholders, last year's carry-over) and the layout (characters the fonts cannot draw). The
 * `check` command prints these; strictness is the caller's decision.
 *
 * @param input The parsed report.
 * @param options Fill-totals and last year's report.
 * @param api The library functions to check with.
 * @returns The issues, errors and warnings, in the order found.
 */
export async function checkReport(
  input: unknown,
  options: CheckReportOptions,
  api: Pick<CliApi, 'validateReport' | 'planIssues'>,
): Promise<readonly ReportIssue[]> {
  const validation = api.validateReport(input);
  if (!validation.ok) return validation.issues;
  return api.planIssues(input, {
    fillTotals: options.fillTotals ?? false,
    ...(options.previousYear === undefined ? {} : { previousYear: options.previousYear }),
  });
}
