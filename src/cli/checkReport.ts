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
 * Finds every problem in a report without writing a PDF: the input's size and JSON, validation
 * errors, and — if the report is valid — everything a render would warn about: its official
 * tables (arithmetic, blank cells, placeholders, last year's carry-over) and the layout
 * (characters the fonts cannot draw). The library does all of it, exactly as a render would, so
 * `check` and `render` never disagree; strictness is the caller's decision.
 *
 * @param input The report: JSON text or bytes (checked against `maxInputBytes`), or an object.
 * @param options Fill-totals and last year's report.
 * @param api The library functions to check with.
 * @returns The issues, errors and warnings, in the order found.
 */
export async function checkReport(input: unknown, options: CheckReportOptions, api: Pick<CliApi, 'planIssues'>): Promise<readonly ReportIssue[]> {
  return api.planIssues(input, {
    fillTotals: options.fillTotals ?? false,
    ...(options.previousYear === undefined ? {} : { previousYear: options.previousYear }),
  });
}
