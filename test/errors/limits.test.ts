/**
 * Issue 7, "limits": every limit of {@link DEFAULT_LIMITS}, exceeded by one, gives an error that
 * names the limit and the path; and a bad `limits` argument is refused with
 * `InvalidArgumentError` instead of crashing (stack overflow) or disabling the limit.
 */
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/index.ts';
import { GovReportError } from '../../src/errors/errors.ts';
import { formatPath } from '../../src/issues/formatPath.ts';
import { resolveLimits } from '../../src/schema/limits/resolveLimits.ts';
import { DEFAULT_LIMITS, type InputLimits } from '../../src/schema/limits/limits.ts';
import { validateReport } from '../../src/schema/validateReport/validateReport.ts';
import { BREACH_PATHS, STRUCTURAL_LIMITS, exceedLimit, type StructuralLimit } from '../fuzz/arbitraries.ts';

const meta = { title: '报告', issuer: '某局', year: 2020 };
const small = { meta, sections: [{ heading: '一', content: ['正文。', { table: { columns: ['数量'], rows: [{ label: '甲', values: [1] }] } }] }] };

/** Whether `path` lies on the way to `target` or below it. */
const onTheWay = (path: readonly (string | number)[], target: readonly (string | number)[]) =>
  target.slice(0, Math.min(path.length, target.length)).every((segment, i) => path[i] === segment);

describe('one past each limit of DEFAULT_LIMITS names the limit and the path', () => {
  it.each(STRUCTURAL_LIMITS.map((limit) => [limit]))('%s', (limit: StructuralLimit) => {
    const input = exceedLimit(limit, DEFAULT_LIMITS);
    const result = validateReport(input);
    expect(result.ok).toBe(false);
    const named = result.issues.filter((issue) => issue.message.en.includes(limit) && issue.message.zh.includes(limit));
    expect(
      named.map((issue) => issue.pathText),
      `no issue names ${limit}; got: ${result.issues.map((issue) => `${issue.pathText}: ${issue.message.en}`).join(' | ')}`,
    ).not.toEqual([]);
    const target = BREACH_PATHS[limit];
    expect(named.some((issue) => onTheWay(issue.path, target)), `expected a path on the way to ${formatPath(target)}`).toBe(true);
  });

  it('maxImageBytes, with the image given as bytes', () => {
    const result = validateReport(exceedLimit('maxImageBytes', DEFAULT_LIMITS, true));
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.message.en).join(' ')).toContain('maxImageBytes');
  });

  it('exactly at each limit is accepted (the breach builders exceed by one only)', () => {
    // Lower every limit by one: the same inputs are then one past the new limits, and at the old ones.
    for (const limit of STRUCTURAL_LIMITS) {
      const lowered: InputLimits = { ...DEFAULT_LIMITS, [limit]: DEFAULT_LIMITS[limit] - 1 };
      const input = exceedLimit(limit, lowered);
      const result = validateReport(input);
      expect(result.issues.map((issue) => `${limit}: ${issue.pathText}: ${issue.message.en}`)).toEqual([]);
    }
  });

  it('renderReport refuses a report over a structural limit with E_INPUT_LIMIT', async () => {
    const error = await renderReport(exceedLimit('maxTableRows', { ...DEFAULT_LIMITS, maxTableRows: 3 }), { limits: { maxTableRows: 3 } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GovReportError);
    expect(error).toMatchObject({ code: 'E_INPUT_LIMIT' });
  });
});

describe('a bad limits argument is refused with E_INVALID_ARGUMENT', () => {
  it('an explicit undefined keeps the default instead of overriding it', async () => {
    const { pageCount } = await renderReport(small, { limits: { maxSectionDepth: undefined } as Partial<InputLimits> });
    expect(pageCount).toBeGreaterThan(0);
    expect(validateReport(small, { maxSectionDepth: undefined } as Partial<InputLimits>).ok).toBe(true);
  });

  const badLimits: [string, Partial<Record<keyof InputLimits, unknown>>][] = [
    ['maxSectionDepth: Infinity', { maxSectionDepth: Number.POSITIVE_INFINITY }],
    ['maxHeaderDepth: Infinity', { maxHeaderDepth: Number.POSITIVE_INFINITY }],
    ['maxSectionDepth: 1000', { maxSectionDepth: 1000 }],
    ['maxSections: NaN', { maxSections: Number.NaN }],
    ['maxTableRows: -1', { maxTableRows: -1 }],
    ['maxHeaderDepth: -1', { maxHeaderDepth: -1 }],
    ['maxTableRows: "10" (a string)', { maxTableRows: '10' }],
  ];

  it.each(badLimits)('renderReport with limits %s', async (_name, limits) => {
    // Before the guard: RangeError (stack overflow while building the schema) for the depth limits;
    // NaN rejected every report with "exceeds the limit of NaN"; -1 and "10" were used as given.
    let outcome: unknown;
    try {
      outcome = await renderReport(small, { limits: limits as Partial<InputLimits> });
    } catch (error) {
      outcome = error;
    }
    expect(outcome).toBeInstanceOf(GovReportError);
    expect(outcome).toMatchObject({ code: 'E_INVALID_ARGUMENT' });
  });

  it.each(badLimits.filter(([, limits]) => Object.values(limits).some((value) => value === Number.POSITIVE_INFINITY || value === 1000)))(
    'validateReport with limits %s throws InvalidArgumentError, not RangeError',
    (_name, limits) => {
      const full = { ...DEFAULT_LIMITS, ...limits } as InputLimits;
      let thrown: unknown;
      try {
        validateReport(small, full);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(GovReportError);
      expect(thrown).toMatchObject({ code: 'E_INVALID_ARGUMENT' });
    },
  );
});

describe('cost of limits', () => {
  it('equal limits resolve to the same object, so the schema built for them is reused', () => {
    // validateReport caches schemas by the resolved limits object; a fresh but equal object per
    // call (as renderReport's options give) must not rebuild the schema (~12 ms each).
    expect(resolveLimits({ ...DEFAULT_LIMITS })).toBe(resolveLimits({ ...DEFAULT_LIMITS }));
    expect(resolveLimits({ maxSections: 5 })).toBe(resolveLimits({ maxSections: 5 }));
    expect(resolveLimits({ maxSections: 5 })).not.toBe(resolveLimits({ maxSections: 6 }));
  });
});
