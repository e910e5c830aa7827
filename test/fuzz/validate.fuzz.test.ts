/**
 * Issue 7: at least 10,000 random and mutated inputs per run through `validateReport`. Each
 * must end in `{ ok: true, report }` or `{ ok: false, issues }` with well-formed, bilingual,
 * path-carrying issues — never an exception — and no run may pollute a built-in prototype.
 *
 * Seeds are random; a failure prints the seed and the shrunk case. `FUZZ_SCALE=10` multiplies
 * the number of runs.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { validateReport, type ReportValidation } from '../../src/schema/validateReport/validateReport.ts';
import { DEFAULT_LIMITS, type InputLimits } from '../../src/schema/limits/limits.ts';
import {
  BREACH_PATHS,
  PROTO_KEYS,
  SMALL_LIMITS_POOL,
  buildDeep,
  jsonTextCaseArb,
  limitBreachCaseArb,
  materializeBreach,
  materializeJsonText,
  materializeMutated,
  mutatedCaseArb,
  randomInputArb,
  validReportArb,
  type DeepShape,
} from './arbitraries.ts';
import { OutcomeTally, pollutionProblems, prototypeSnapshot, validationProblems } from './checkOutcome.ts';
import type { Block, Report } from '../../src/index.ts';
import { resolveForms } from '../../src/forms/resolveForms/resolveForms.ts';
import { layoutReport } from '../../src/layout/layoutReport.ts';
import { createFontRegistry } from '../../src/render/fonts/fontRegistry.ts';
import { resolvePreset } from '../../src/render/presets/resolvePreset.ts';
import { checkImage } from '../../src/api/checkImage/checkImage.ts';

const SCALE = Number(process.env.FUZZ_SCALE ?? '1');
const runs = (count: number): number => Math.max(1, Math.round(count * SCALE));
const MIN_INPUTS = 10_000;

const prototypesBefore = prototypeSnapshot();
const tally = new OutcomeTally();
const started = performance.now();

const preset = resolvePreset('gbt9704');
const measurer = createFontRegistry().measurer;
let laidOut = 0;

class RefusedImage extends Error {}

/**
 * Image data as bytes, as the render path decodes it before layout; `src` images are dropped
 * (their policy is tested elsewhere); data that is not a PNG or JPEG would be refused before
 * layout (resolveImages), so such a report is not laid out.
 */
async function withImageBytes(blocks: readonly Block[]): Promise<Block[]> {
  const out: Block[] = [];
  for (const block of blocks) {
    if (typeof block !== 'object' || block === null) out.push(block);
    else if ('image' in block) {
      if (typeof block.image.data !== 'string') continue;
      const data = new Uint8Array(Buffer.from(block.image.data.replace(/^data:[^,]*,/u, ''), 'base64'));
      // The library's own check (src/api/checkImage), as resolveImages runs it before layout.
      if (!(await checkImage(data, DEFAULT_LIMITS.maxImagePixels)).ok) throw new RefusedImage();
      out.push({ image: { ...block.image, data } });
    } else if ('heading' in block && block.content !== undefined) out.push({ ...block, content: await withImageBytes(block.content) });
    else out.push(block);
  }
  return out;
}

/**
 * Runs everything before pdfmake on a valid report — official forms, then the whole layout
 * with the real font metrics — and fails on any exception.
 */
async function layOut(report: Report): Promise<void> {
  let prepared: Report;
  try {
    prepared = await prepare(report);
  } catch (error) {
    if (error instanceof RefusedImage) return;
    throw error;
  }
  layOutPrepared(prepared);
}

async function prepare(report: Report): Promise<Report> {
  const attachments = report.attachments === undefined ? undefined : await Promise.all(report.attachments.map(async (a) => ({ ...a, content: await withImageBytes(a.content) })));
  return {
    ...report,
    sections: (await withImageBytes(report.sections as Block[])) as Report['sections'],
    ...(attachments === undefined ? {} : { attachments }),
  };
}

function layOutPrepared(prepared: Report): void {
  try {
    const { report: resolved, issues } = resolveForms(prepared);
    if (issues.some((issue) => issue.severity === 'error')) return;
    layoutReport(resolved, { preset, measurer });
    laidOut += 1;
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    throw new Error(`layout threw for a valid report: ${text}`);
  }
}

/** Validates one input and throws (failing the property) if the outcome breaks the contract; lays out every valid one. */
async function check(input: unknown, limits: InputLimits = DEFAULT_LIMITS): Promise<ReportValidation> {
  let result: ReportValidation;
  try {
    result = validateReport(input, limits);
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    throw new Error(`validateReport threw instead of returning issues: ${text}`);
  }
  tally.addValidation(result);
  const problems = validationProblems(result, input);
  if (problems.length > 0) throw new Error(`malformed validation outcome:\n${problems.join('\n')}`);
  if (result.ok) await layOut(result.report);
  return result;
}

const limitsIndex = fc.integer({ min: -1, max: SMALL_LIMITS_POOL.length - 1 });
const pickLimits = (index: number): InputLimits => (index < 0 ? DEFAULT_LIMITS : SMALL_LIMITS_POOL[index]!);

describe('validateReport under fuzzing (issue 7)', () => {
  afterAll(() => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`validate fuzz: ${tally.total} inputs in ${seconds} s, ${laidOut} valid ones laid out\n${tally.format()}`);
  });

  it('accepts every generated valid report', async () => {
    await fc.assert(
      fc.asyncProperty(validReportArb({ binaryImages: true }), async (report) => {
        const result = await check(report);
        if (!result.ok) throw new Error(`valid report rejected: ${result.issues.map((i) => `${i.pathText}: ${i.message.en}`).join('; ')}`);
      }),
      { numRuns: runs(800) },
    );
  });

  it('turns mutated reports into a report or issues, with default and small limits', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedCaseArb(), limitsIndex, async (mutated, limits) => {
        await check(materializeMutated(mutated), pickLimits(limits));
      }),
      { numRuns: runs(5_000) },
    );
  });

  it('turns JSON text with own __proto__/constructor keys, duplicate keys and deep brackets into a report or issues', async () => {
    await fc.assert(
      fc.asyncProperty(jsonTextCaseArb, async (jsonCase) => {
        await check(JSON.parse(materializeJsonText(jsonCase)));
      }),
      { numRuns: runs(1_000) },
    );
  });

  it('turns random values into issues', async () => {
    await fc.assert(
      fc.asyncProperty(randomInputArb, limitsIndex, async (input, limits) => {
        await check(input, pickLimits(limits));
      }),
      { numRuns: runs(3_000) },
    );
  });

  it('rejects a report one past any limit (small custom limits and the defaults)', async () => {
    await fc.assert(
      fc.asyncProperty(limitBreachCaseArb, async (breach) => {
        const { input, limits } = materializeBreach(breach);
        const result = await check(input, limits);
        if (result.ok) throw new Error(`${breach.limit} = ${limits[breach.limit]} exceeded by one but the report was accepted`);
        const at = BREACH_PATHS[breach.limit];
        const near = result.issues.some((issue) => at.every((segment, i) => i >= issue.path.length || issue.path[i] === segment));
        if (!near) throw new Error(`no issue on the way to ${JSON.stringify(at)}: ${result.issues.map((i) => i.pathText).join(', ')}`);
      }),
      { numRuns: runs(300) },
    );
  });

  it('survives nesting 10,000 levels deep wherever a value may be', async () => {
    const shapes: DeepShape[] = ['array', 'object', 'section', 'row', 'header', 'paragraph'];
    const meta = { title: '报告', issuer: '某局', year: 2020 };
    const places: ((deep: unknown) => unknown)[] = [
      (deep) => deep,
      (deep) => ({ meta: deep, sections: [] }),
      (deep) => ({ meta: { ...meta, title: deep }, sections: [] }),
      (deep) => ({ meta, sections: deep }),
      (deep) => ({ meta, sections: [deep] }),
      (deep) => ({ meta, sections: [{ heading: '一', content: [deep] }] }),
      (deep) => ({ meta, intro: [deep], sections: [] }),
      (deep) => ({ meta, sections: [{ heading: '一', content: [{ table: { columns: [deep], rows: [{ values: [1] }] } }] }] }),
      (deep) => ({ meta, sections: [{ heading: '一', content: [{ table: { columns: ['a'], rows: [deep] } }] }] }),
      (deep) => ({ meta, sections: [{ heading: '一', content: [{ table: { columns: ['a'], rows: [{ values: [deep] }] } }] }] }),
      (deep) => ({ meta, sections: [{ heading: '一', content: [{ form: 'table2', data: { x: deep } }] }] }),
      (deep) => ({ meta, sections: [], attachments: [{ label: '附件', content: [deep] }] }),
      (deep) => ({ meta, sections: [], signature: deep, draft: deep }),
    ];
    for (const shape of shapes) {
      for (const depth of [10_000]) {
        const deep = buildDeep(shape, depth);
        for (const place of places) await check(place(deep));
      }
    }
    // JSON text parsed with JSON.parse: 10,000 nested arrays and objects.
    await check(JSON.parse(`{"meta":{"title":"t","issuer":"i","year":2020},"sections":${'['.repeat(10_000)}${']'.repeat(10_000)}}`));
    await check(JSON.parse(`{"meta":{"title":"t","issuer":"i","year":2020},"sections":[{"heading":"h","content":[{"form":"table3","data":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}]}]}`));
  });

  it('treats every prototype key as an unknown key, at every level', async () => {
    const meta = { title: '报告', issuer: '某局', year: 2020 };
    for (const key of PROTO_KEYS) {
      const member = `"${key}":{"polluted_by_fuzz":"yes"}`;
      const texts = [
        `{${member},"meta":${JSON.stringify(meta)},"sections":[]}`,
        `{"meta":{${member},"title":"t","issuer":"i","year":2020},"sections":[]}`,
        `{"meta":${JSON.stringify(meta)},"sections":[{${member},"heading":"h"}]}`,
        `{"meta":${JSON.stringify(meta)},"sections":[{"heading":"h","content":[{${member},"text":"t"}]}]}`,
        `{"meta":${JSON.stringify(meta)},"sections":[{"heading":"h","content":[{"table":{${member},"columns":["a"],"rows":[{"values":[1]}]}}]}]}`,
      ];
      for (const text of texts) {
        const result = await check(JSON.parse(text));
        expect(result.ok, text).toBe(false);
        expect(result.issues.map((issue) => issue.code)).toContain('unrecognized_keys');
      }
    }
  });

  it(`validated at least ${MIN_INPUTS} inputs`, () => {
    // Fewer when a property above failed early: fix that failure first.
    expect(tally.total, 'inputs validated (a failing property above stops its runs early)').toBeGreaterThanOrEqual(MIN_INPUTS);
  });

  it('left Object.prototype and the other built-in prototypes unpolluted', () => {
    expect(pollutionProblems(prototypesBefore)).toEqual([]);
  });
});
