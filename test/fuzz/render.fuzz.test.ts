/**
 * Issue 7: random and mutated reports through the layout (everything before pdfmake) and a few
 * hundred through the full render. Each must end in a plan / a PDF with well-formed warnings, or
 * in a {@link GovReportError} with a stable code (and issues with paths when it is about the
 * input) — never another exception, never a hang. The longer soak is `test/fuzz/soak.ts`.
 *
 * `FUZZ_SCALE=10` multiplies the number of runs.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createRenderer, renderReport, type Renderer } from '../../src/index.ts';
import type { RenderOptions } from '../../src/api/options.ts';
import { GovReportError } from '../../src/errors/errors.ts';
import type { ReportIssue } from '../../src/issues/issue.ts';
import {
  jsonTextCaseArb,
  listPaths,
  getAt,
  materializeJsonText,
  materializeMutated,
  mutatedCaseArb,
  validReportArb,
  type Path,
} from './arbitraries.ts';
import { issueProblems, OutcomeTally, pollutionProblems, prototypeSnapshot, thrownProblems } from './checkOutcome.ts';

const SCALE = Number(process.env.FUZZ_SCALE ?? '1');
const runs = (count: number): number => Math.max(1, Math.round(count * SCALE));

/** Longest a single layout or render may take before the run counts as a hang. */
const HANG_MS = 15_000;

/**
 * fast-check options: `count` runs, stopped after `seconds` (a stop before any failure counts as
 * a pass). The time limit mostly bounds *shrinking*, which re-renders a failing case many times.
 */
const budget = (count: number, seconds: number): fc.Parameters<unknown> => ({
  numRuns: runs(count),
  plugins: [fc.interruptAfterTimeLimit(seconds * 1000 * SCALE)],
});

/** Calls of renderReport made by this file. */
let fullRenders = 0;
const MIN_FULL_RENDERS = 200;

const prototypesBefore = prototypeSnapshot();
const tally = new OutcomeTally();
const started = performance.now();
const renderer: Renderer = createRenderer();

/** Resolves or rejects like `promise`, or rejects after {@link HANG_MS}. */
async function withinBudget<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`HANG: ${what} did not settle within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Fails the property with every problem of a thrown value that is not an acceptable library error. */
function expectLibraryError(error: unknown, stage: string): void {
  const problems = thrownProblems(error);
  if (problems.length > 0) throw new Error(`${stage}: ${problems.join('\n')}`);
  tally.add(`${stage} threw ${(error as GovReportError).code}`);
}

/** Fails the property if a warning is malformed. */
function expectWarnings(warnings: readonly ReportIssue[], stage: string): void {
  const problems = warnings.flatMap((warning, index) => issueProblems(warning).map((problem) => `warnings[${index}] ${warning.pathText}: ${problem}`));
  if (problems.length > 0) throw new Error(`${stage}: malformed warnings:\n${problems.join('\n')}`);
}

/** Lays out one input (no pdfmake) and checks the outcome. */
async function checkPlan(input: unknown, options?: RenderOptions): Promise<void> {
  tally.total += 1;
  try {
    const { plan, warnings } = await withinBudget(renderer.plan(input, options), 'plan');
    if (!Array.isArray(plan.pages) || plan.pages.length === 0) throw new Error('plan: a plan without pages');
    expectWarnings(warnings, 'plan');
    tally.add('plan ok');
  } catch (error) {
    expectLibraryError(error, 'plan');
  }
}

/** Renders one input to PDF and checks the outcome. */
async function checkRender(input: unknown, options?: RenderOptions): Promise<void> {
  tally.total += 1;
  fullRenders += 1;
  try {
    const result = await withinBudget(renderReport(input, options), 'renderReport');
    const head = Buffer.from(result.pdf.subarray(0, 5)).toString('latin1');
    if (head !== '%PDF-') throw new Error(`render: the bytes start with ${JSON.stringify(head)}, not %PDF-`);
    if (!Number.isInteger(result.pageCount) || result.pageCount < 1) throw new Error(`render: pageCount ${result.pageCount}`);
    expectWarnings(result.warnings, 'render');
    tally.add('render pdf');
  } catch (error) {
    expectLibraryError(error, 'render');
  }
}

const optionsArb: fc.Arbitrary<RenderOptions> = fc.record(
  {
    // Wrong names and bad presets on purpose (untyped callers): they must be refused at run time too.
    layout: fc.constantFrom('gbt9704', 'compact', 'no-such-preset', {}, { page: 'A4' }) as fc.Arbitrary<RenderOptions['layout']>,
    strict: fc.boolean(),
    fillTotals: fc.boolean(),
    limits: fc.constantFrom({}, { maxSections: 2 }, { maxTableRows: 3, maxCellTextLength: 5 }, { maxInputBytes: 200 }),
  },
  { requiredKeys: [] },
);

/** How an input reaches `renderReport`: as an object, as JSON text, or as JSON bytes. */
type Encoding = 'object' | 'text' | 'bytes';
const encodingArb = fc.constantFrom<Encoding>('object', 'object', 'text', 'bytes');

function encode(input: unknown, encoding: Encoding): unknown {
  if (encoding === 'object') return input;
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch {
    return input; // BigInt or too deep: pass the object itself
  }
  if (text === undefined) return input;
  return encoding === 'text' ? text : new TextEncoder().encode(text);
}

// Characters that the library must remove and report (cleanText) or report as missing from the
// fonts: none of them may vanish from the page without a warning at the path of its text.
// Line feeds and carriage returns are line ends (CR LF and CR become LF), not invisible characters.
const MUST_REPORT = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uE000\uF8FF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\p{Extended_Pictographic}|[\u{F0000}-\u{FFFFD}]/u;
const NOT_PRINTED = new Set(['subject', 'keywords', 'layout', 'src', 'data', 'version', 'form', 'orientation', '$schema']);

function printedStrings(report: unknown): { path: Path; text: string }[] {
  return listPaths(report)
    .filter((path) => !path.some((segment) => typeof segment === 'string' && NOT_PRINTED.has(segment)))
    .map((path) => ({ path, text: getAt(report, path) }))
    .filter((entry): entry is { path: Path; text: string } => typeof entry.text === 'string');
}

const related = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean =>
  a.slice(0, Math.min(a.length, b.length)).every((segment, i) => segment === b[i]);

describe('layout and render under fuzzing (issue 7)', () => {
  afterAll(() => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`render fuzz: ${tally.total} inputs in ${seconds} s\n${tally.format()}`);
  });

  it('lays out valid reports with special characters, reporting each invisible or undrawable character at its path', async () => {
    await fc.assert(
      fc.asyncProperty(validReportArb({ exotic: 2, imageSources: false }), async (report) => {
        tally.total += 1;
        let warnings: readonly ReportIssue[];
        try {
          ({ warnings } = await withinBudget(renderer.plan(report), 'plan'));
        } catch (error) {
          expectLibraryError(error, 'plan');
          return;
        }
        expectWarnings(warnings, 'plan');
        tally.add('plan ok');
        const silent = printedStrings(report).filter(
          ({ path, text }) => MUST_REPORT.test(text) && !warnings.some((warning) => related(warning.path, path)),
        );
        if (silent.length > 0) {
          throw new Error(`no warning for special characters in: ${silent.map(({ path, text }) => `${path.join('.')} = ${JSON.stringify(text)}`).join('; ')}`);
        }
      }),
      budget(150, 10),
    );
  });

  it('lays out mutated reports, or throws a library error', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedCaseArb({ imageSources: true }), async (mutated) => {
        await checkPlan(materializeMutated(mutated));
      }),
      budget(500, 12),
    );
  });

  it('renders valid reports to PDF, or throws a library error', async () => {
    await fc.assert(
      fc.asyncProperty(validReportArb({ binaryImages: true }), encodingArb, async (report, encoding) => {
        await checkRender(encode(report, encoding));
      }),
      budget(120, 10),
    );
  });

  it('renders mutated reports with random options, or throws a library error', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedCaseArb(), encodingArb, optionsArb, async (mutated, encoding, options) => {
        await checkRender(encode(materializeMutated(mutated), encoding), options);
      }),
      budget(150, 10),
    );
  });

  it('renders JSON text with prototype keys, duplicate keys and deep brackets, or throws a library error', async () => {
    await fc.assert(
      fc.asyncProperty(jsonTextCaseArb, fc.boolean(), async (jsonCase, asBytes) => {
        const text = materializeJsonText(jsonCase);
        await checkRender(asBytes ? new TextEncoder().encode(text) : text);
      }),
      budget(60, 5),
    );
  });

  it('turns JSON text that is not JSON into a library error', async () => {
    const texts = ['', ' ', '{', '{"meta":', 'null', '[]', '"report"', '{"meta":{}}\u0000', 'NaN', '{"a":1,}', '\uD800', '['.repeat(100_000)];
    for (const text of texts) {
      await checkRender(text);
      await checkRender(new TextEncoder().encode(text));
    }
    await checkRender(new Uint8Array([0xff, 0xfe, 0x00, 0x7b])); // not UTF-8
  });

  it('refuses JSON text one byte over maxInputBytes with E_INPUT_LIMIT naming the limit', async () => {
    const text = JSON.stringify({ meta: { title: '报告', issuer: '某局', year: 2020 }, sections: [] });
    const bytes = Buffer.byteLength(text);
    await expect(renderReport(text, { limits: { maxInputBytes: bytes } })).resolves.toMatchObject({ pageCount: 1 });
    const error = await renderReport(text, { limits: { maxInputBytes: bytes - 1 } }).catch((caught: unknown) => caught);
    expect(thrownProblems(error)).toEqual([]);
    expect(error).toMatchObject({ code: 'E_INPUT_LIMIT' });
    expect((error as GovReportError).issues.map((issue) => issue.message.en).join(' ')).toContain('maxInputBytes');
  });

  it(`rendered at least ${MIN_FULL_RENDERS} inputs in full`, () => {
    // Fewer when a property above failed (or ran out of its time budget on a very busy machine).
    expect(fullRenders).toBeGreaterThanOrEqual(MIN_FULL_RENDERS);
  });

  it('left Object.prototype and the other built-in prototypes unpolluted', () => {
    expect(pollutionProblems(prototypesBefore)).toEqual([]);
  });
});
