import type { RenderOptions, RenderResult } from '../api/options.ts';
import type { ReportIssue } from '../issues/issue.ts';
import type { Report } from '../schema/report/report.ts';
import { createIssue } from '../issues/createIssue.ts';
import type { GovReportError } from '../errors/errors.ts';

/** The two versions of the official form the CLI can write skeletons for. */
export type CliFormVersion = '2019' | '2021';

/** The outcome of validating a report, as the CLI needs it. */
export type CliValidation =
  | { readonly ok: true; readonly report: Report }
  | { readonly ok: false; readonly issues: readonly ReportIssue[] };

/** Options of {@link CliApi.planIssues}. */
export interface CliResolveFormsOptions {
  /** Compute totals the report left blank. */
  readonly fillTotals: boolean;
  /** Last year's report, for the carried-forward check. */
  readonly previousYear?: unknown;
}

/**
 * The library functions the commands call: a narrow view of the public API, so tests can
 * inject fakes and need no fonts.
 */
export interface CliApi {
  /** Renders a report; throws a `GovReportError` when the report is refused. */
  renderReport(input: unknown, options?: RenderOptions): Promise<RenderResult>;
  /** Checks a report against the input model without rendering. */
  validateReport(input: unknown): CliValidation;
  /** The report model as JSON Schema. */
  reportJsonSchema(): object;
  /** A report skeleton with blank official tables for one form version and year. */
  createFormSkeleton(version: CliFormVersion, year: number): object;
  /** Starts a pool of render workers (for `batch`). */
  createRenderPool(options: { readonly workers: number; readonly timeoutMs?: number }): CliRenderPool;
  /**
   * Runs everything a render runs except writing the PDF (forms, layout, glyph checks) and
   * returns every problem: the warnings, or the issues of the error that refused the report.
   */
  planIssues(input: unknown, options: CliResolveFormsOptions): Promise<readonly ReportIssue[]>;
}

/** A pool of render workers, as `batch` uses it. */
export interface CliRenderPool {
  /** Renders one report on a worker. */
  render(input: unknown, options?: RenderOptions): Promise<RenderResult>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** The API itself, or a function that loads it on first use. */
export type CliApiSource = CliApi | (() => Promise<CliApi>);

/**
 * Loads the public API (`src/index.ts`, or `dist/index.js` when compiled). Called only by the
 * commands that need it, so `--help` and `--version` never load pdfmake or fonts.
 *
 * @returns The API.
 */
export async function loadLibraryApi(): Promise<CliApi> {
  const library = await import('../index.ts');
  return {
    renderReport: library.renderReport,
    validateReport: (input) => library.validateReport(input),
    reportJsonSchema: library.reportJsonSchema,
    createFormSkeleton: library.createFormSkeleton,
    planIssues: async (input, options) => {
      try {
        return (await library.createRenderer().plan(input, options)).warnings;
      } catch (error) {
        if (error instanceof library.GovReportError) return error.issues.length > 0 ? error.issues : [errorIssue(error)];
        throw error;
      }
    },
    createRenderPool: (options) => library.createRenderPool(options),
  };
}

/** An error without issues (a bad preset name, an unreadable font) as one issue at the root. */
function errorIssue(error: GovReportError): ReportIssue {
  return createIssue(error.code, 'error', [], error.bilingual);
}
