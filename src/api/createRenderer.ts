import { ImageError, InputLimitError, InvalidArgumentError, ReportValidationError, ResourceDeniedError, StrictModeRefusalError } from '../errors/errors.ts';
import { createIssue } from '../issues/createIssue.ts';
import type { ReportIssue } from '../issues/issue.ts';
import { resolveForms } from '../forms/resolveForms/resolveForms.ts';
import { layoutReport } from '../layout/layoutReport.ts';
import type { LayoutPlan } from '../layout/plan/plan.ts';
import { createFontRegistry, type FontRegistry } from '../render/fonts/fontRegistry.ts';
import { createPdfmakeInstance, type PdfmakeInstance } from '../render/fonts/pdfmakeRuntime.ts';
import { resolvePreset } from '../render/presets/resolvePreset.ts';
import { renderPdf } from '../render/renderPdf/renderPdf.ts';
import type { InputLimits } from '../schema/limits/limits.ts';
import { resolveLimits } from '../schema/limits/resolveLimits.ts';
import type { Report } from '../schema/report/report.ts';
import { validateReport } from '../schema/validateReport/validateReport.ts';
import type { FontFileSpec, FontRole, RenderOptions, RenderResult } from './options.ts';
import { resolveImages } from './resolveImages.ts';

/** Options of a renderer: what stays the same for every report it renders. */
export interface RendererOptions {
  /** Font files by role (e.g. `{ body: { path: '/fonts/仿宋_GB2312.ttf' } }`); other roles keep the free defaults. */
  readonly fonts?: Partial<Record<FontRole, FontFileSpec>>;
}

/** A renderer: fonts registered once, used for any number of reports, concurrently. */
export interface Renderer {
  /**
   * Renders a report to PDF.
   *
   * @param input The report: an object, JSON text, or JSON bytes.
   * @param options Layout, strict mode, totals, limits, resources.
   * @returns The PDF bytes, warnings and page count.
   */
  render(input: unknown, options?: RenderOptions): Promise<RenderResult>;
  /**
   * Runs everything up to the layout and returns the plan of pages (for tests and previews).
   *
   * @param input The report.
   * @param options As for `render`.
   * @returns The layout plan and every warning.
   */
  plan(input: unknown, options?: RenderOptions): Promise<{ plan: LayoutPlan; warnings: readonly ReportIssue[] }>;
}

/**
 * Creates a renderer with its own fonts. Font files are read and parsed once per process and
 * shared; the registration and the pdfmake instance belong to this renderer, so renderers with
 * different fonts can render at the same time.
 *
 * @param options Fonts by role.
 * @returns The renderer.
 */
export function createRenderer(options: RendererOptions = {}): Renderer {
  let fonts: FontRegistry | undefined;
  const fontsOnce = () => (fonts ??= createFontRegistry(options.fonts));
  // Made at the first render: planning alone (`plan`, the CLI's `check`) never loads pdfmake.
  let pdfmake: PdfmakeInstance | undefined;

  const plan = async (input: unknown, renderOptions: RenderOptions = {}) => {
    if (typeof renderOptions !== 'object' || renderOptions === null) {
      throw new InvalidArgumentError('options', { zh: '对象', en: 'an object' }, renderOptions);
    }
    const limits = resolveLimits(renderOptions.limits);
    const report = parseInput(input, limits);
    const images = await resolveImagesOf(report, renderOptions, limits);
    const forms = resolveForms(images, {
      ...(renderOptions.fillTotals === undefined ? {} : { fillTotals: renderOptions.fillTotals }),
      ...(renderOptions.previousYear === undefined ? {} : { previousYear: renderOptions.previousYear }),
    });
    const formErrors = forms.issues.filter((issue) => issue.severity === 'error');
    if (formErrors.length > 0) throw new ReportValidationError(formErrors);
    const preset = resolvePreset(renderOptions.layout ?? report.layout ?? 'gbt9704');
    const laidOut = layoutReport(forms.report, { preset, measurer: fontsOnce().measurer });
    const warnings = [...forms.issues, ...laidOut.warnings];
    if (renderOptions.strict === true && warnings.length > 0) throw new StrictModeRefusalError(warnings);
    return { plan: laidOut, warnings, report };
  };

  return {
    plan: async (input, renderOptions) => {
      const { plan: laidOut, warnings } = await plan(input, renderOptions);
      return { plan: laidOut, warnings };
    },
    async render(input, renderOptions = {}) {
      const { plan: laidOut, warnings, report } = await plan(input, renderOptions);
      const creationDate = renderOptions.creationDate ?? dateOf(report);
      if (!(creationDate instanceof Date) || Number.isNaN(creationDate.getTime())) {
        throw new InvalidArgumentError('options.creationDate', { zh: '有效的 Date', en: 'a valid Date' }, renderOptions.creationDate);
      }
      const { pdfa } = renderOptions;
      if (pdfa !== undefined && pdfa !== '2b' && pdfa !== '2u') {
        throw new InvalidArgumentError('options.pdfa', { zh: '"2b" 或 "2u"', en: '"2b" or "2u"' }, pdfa);
      }
      const pdf = await renderPdf(laidOut, fontsOnce(), creationDate, (pdfmake ??= createPdfmakeInstance()), pdfa === undefined ? {} : { pdfa });
      return { pdf, warnings, pageCount: laidOut.pages.length };
    },
  };
}

let defaultRenderer: Renderer | undefined;

/**
 * Renders a report to PDF with the default fonts. Throws only {@link GovReportError} subclasses:
 * {@link ReportValidationError} (with every problem's path), {@link StrictModeRefusalError},
 * {@link LayoutPresetError}, {@link InputLimitError}, {@link ResourceDeniedError}, {@link ImageError}, {@link FontError}.
 *
 * @param input The report: an object, JSON text, or JSON bytes.
 * @param options Layout, strict mode, totals, limits, resources.
 * @returns The PDF bytes, the warnings and the page count.
 */
export function renderReport(input: unknown, options?: RenderOptions): Promise<RenderResult> {
  defaultRenderer ??= createRenderer();
  return defaultRenderer.render(input, options);
}

function parseInput(input: unknown, limits: InputLimits): Report {
  let value = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const bytes = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
    if (bytes > limits.maxInputBytes) {
      throw new InputLimitError([createIssue('limit', 'error', [], {
        zh: `输入为 ${bytes} 字节，超过上限 maxInputBytes（${limits.maxInputBytes}）`,
        en: `the input is ${bytes} bytes, over the limit maxInputBytes (${limits.maxInputBytes})`,
      }, `at most ${limits.maxInputBytes} bytes`)]);
    }
    try {
      // A UTF-8 byte-order mark (Windows Notepad) is not part of the JSON.
      value = JSON.parse((typeof input === 'string' ? input : Buffer.from(input).toString('utf8')).replace(/^\uFEFF/u, ''));
    } catch (cause) {
      throw new ReportValidationError([createIssue('invalid_json', 'error', [], {
        zh: `不是有效的 JSON：${(cause as Error).message}`,
        en: `not valid JSON: ${(cause as Error).message}`,
      }, 'JSON text')]);
    }
  }
  const result = validateReport(value, limits);
  if (!result.ok) {
    const limitIssues = result.issues.filter((issue) => issue.code === 'limit' || issue.code === 'too_big');
    if (limitIssues.length === result.issues.length) throw new InputLimitError(result.issues);
    throw new ReportValidationError(result.issues);
  }
  return result.report;
}

async function resolveImagesOf(report: Report, options: RenderOptions, limits: InputLimits): Promise<Report> {
  const resources = options.resources ?? {};
  if (typeof resources !== 'object' || resources === null) {
    throw new InvalidArgumentError('options.resources', { zh: '对象', en: 'an object' }, resources);
  }
  for (const name of ['timeoutMs', 'totalTimeoutMs'] as const) {
    const value = resources[name];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 2_147_483_647)) {
      throw new InvalidArgumentError(`options.resources.${name}`, { zh: '1 到 2147483647 之间的整数（毫秒）', en: 'a whole number of milliseconds from 1 to 2147483647' }, value);
    }
  }
  const resolved = await resolveImages(report, resources, limits);
  if (resolved.denied.length > 0) throw new ResourceDeniedError(resolved.denied);
  if (resolved.errors.length > 0) throw new ImageError(resolved.errors);
  return resolved.report;
}

function dateOf(report: Report): Date {
  // The report's own date keeps the output byte-identical and true: its date of issue, else the
  // signature's, else the first day after the year it covers (the earliest it can be issued).
  const signatureDate = report.signature === false ? undefined : report.signature?.date;
  const day = report.meta.date ?? signatureDate ?? `${report.meta.year + 1}-01-01`;
  return new Date(`${day}T00:00:00+08:00`);
}
