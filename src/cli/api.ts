import { fileURLToPath } from 'node:url';
import type { RenderOptions, RenderResult } from '../api/options.ts';
import type { ReportIssue } from '../issues/issue.ts';
import { CliUnavailableError } from './errors.ts';

/** The two versions of the official form the CLI can write skeletons for. */
export type CliFormVersion = '2019' | '2021';

/** The outcome of validating a report, as the CLI needs it. */
export type CliValidation =
  | { readonly ok: true; readonly report: unknown }
  | { readonly ok: false; readonly issues: readonly ReportIssue[] };

/** Options of {@link CliApi.resolveForms}. */
export interface CliResolveFormsOptions {
  /** Compute totals the report left blank. */
  readonly fillTotals: boolean;
  /** Last year's report, for the carried-forward check. */
  readonly previousYear?: unknown;
}

/**
 * The library functions the commands call. The default loads the library lazily (so `--help`
 * and `--version` load no fonts); tests inject fakes.
 */
export interface CliApi {
  /** Renders a report; throws a `GovReportError` when the report is refused. */
  renderReport(input: unknown, options?: RenderOptions): Promise<RenderResult>;
  /** Checks a report against the input model without rendering. */
  validateReport(input: unknown): CliValidation;
  /** The report model as JSON Schema. */
  reportJsonSchema(): object;
  /** A report skeleton with empty official tables for one form version and year. */
  createFormSkeleton(version: CliFormVersion, year: number): object;
  /** Resolves the official tables of a valid report and returns arithmetic problems; optional. */
  resolveForms?(report: unknown, options: CliResolveFormsOptions): { readonly issues: readonly ReportIssue[] };
}

/** The API itself, or a function that loads it on first use. */
export type CliApiSource = CliApi | (() => Promise<CliApi>);

const EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/**
 * Loads the library's functions from the package (`src/` when run from source, `dist/` when
 * compiled). Functions a build does not have yet throw {@link CliUnavailableError} when called,
 * except `resolveForms`, which is simply absent.
 *
 * @returns The API.
 */
export async function loadLibraryApi(): Promise<CliApi> {
  const library = await importIfPresent('../index');
  const forms = await importIfPresent('../forms/index');
  const schema = await import('../schema/index.ts');
  const find = (name: string): ((...args: never[]) => unknown) | undefined => {
    const value = library[name] ?? forms[name];
    return typeof value === 'function' ? (value as (...args: never[]) => unknown) : undefined;
  };
  const missing = (name: string) => () => {
    throw new CliUnavailableError(name);
  };
  const resolveForms = find('resolveForms') as CliApi['resolveForms'];
  return {
    renderReport: (find('renderReport') as CliApi['renderReport'] | undefined) ?? missing('renderReport'),
    validateReport: (input) => schema.validateReport(input),
    reportJsonSchema: () => schema.reportJsonSchema(),
    createFormSkeleton:
      (find('createFormSkeleton') as CliApi['createFormSkeleton'] | undefined) ?? missing('createFormSkeleton'),
    ...(resolveForms === undefined ? {} : { resolveForms }),
  };
}

/** Imports a module of this package by its path without extension; `{}` if the file does not exist. */
async function importIfPresent(relative: string): Promise<Record<string, unknown>> {
  const url = new URL(`${relative}${EXTENSION}`, import.meta.url);
  try {
    return (await import(url.href)) as Record<string, unknown>;
  } catch (error) {
    const notFound =
      error instanceof Error &&
      (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND' &&
      (error.message.includes(url.href) || error.message.includes(fileURLToPath(url)));
    if (notFound) return {};
    throw error;
  }
}
