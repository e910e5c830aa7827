import type { RenderOptions } from '../../api/options.ts';
import { InvalidArgumentError } from '../../errors/errors.ts';

/**
 * The render options a job may carry: the ones that are plain JSON and concern only the report.
 * Limits, resources (which files an image may name) and fonts belong to the worker, not to
 * whoever submits a job.
 */
export interface RenderJobOptions {
  /** A built-in layout name (`gbt9704`, `compact`) or a preset object. */
  readonly layout?: string | Record<string, unknown>;
  /** Every warning refuses the render. */
  readonly strict?: boolean;
  /** Compute the totals the report left blank. */
  readonly fillTotals?: boolean;
  /** Last year's report, for the carried-forward check. */
  readonly previousYear?: unknown;
  /** The PDF's creation date as an ISO 8601 text (`2025-01-15T00:00:00Z`). */
  readonly creationDate?: string;
  /** Archival output: `'2b'` PDF/A-2b, `'2u'` PDF/A-2u. */
  readonly pdfa?: '2b' | '2u';
}

const KEYS = ['layout', 'strict', 'fillTotals', 'previousYear', 'creationDate', 'pdfa'] as const;

/**
 * Checks the shape of job options that came from outside (`enqueue --options`, an HTTP body):
 * an object with only the keys of {@link RenderJobOptions}, each of the right kind. The values
 * themselves (a layout name, a preset) are checked by the render, which refuses them as input.
 *
 * @param value The options as parsed JSON (`undefined` for none).
 * @returns The options, without keys whose value is `undefined`.
 * @throws {InvalidArgumentError} naming the first key that is wrong.
 */
export function checkJobOptions(value: unknown): RenderJobOptions {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError('options', { zh: '对象（如 {"layout":"compact"}）', en: 'an object such as {"layout":"compact"}' }, value);
  }
  const options: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new InvalidArgumentError(`options.${key}`, { zh: `以下选项之一：${KEYS.join('、')}`, en: `one of the options ${KEYS.join(', ')}` }, key);
    }
    if (member === undefined) continue;
    if ((key === 'strict' || key === 'fillTotals') && typeof member !== 'boolean') {
      throw new InvalidArgumentError(`options.${key}`, { zh: '布尔值', en: 'true or false' }, member);
    }
    if (key === 'layout' && typeof member !== 'string' && (member === null || typeof member !== 'object' || Array.isArray(member))) {
      throw new InvalidArgumentError('options.layout', { zh: '版式名称或版式对象', en: 'a layout name or a preset object' }, member);
    }
    if (key === 'creationDate' && (typeof member !== 'string' || Number.isNaN(Date.parse(member)))) {
      throw new InvalidArgumentError('options.creationDate', { zh: 'ISO 8601 日期时间文本', en: 'an ISO 8601 date-time text' }, member);
    }
    if (key === 'pdfa' && member !== '2b' && member !== '2u') {
      throw new InvalidArgumentError('options.pdfa', { zh: '"2b" 或 "2u"', en: '"2b" or "2u"' }, member);
    }
    options[key] = member;
  }
  return options as RenderJobOptions;
}

/**
 * The render options of a job, as the renderer takes them.
 *
 * @param options The job's options.
 * @returns Render options (the creation date as a `Date`).
 */
export function toRenderOptions(options: RenderJobOptions): RenderOptions {
  // A job's layout is untyped data (a name or a preset object); the render checks it (resolvePreset).
  const { creationDate, ...rest } = options as Omit<RenderJobOptions, 'layout'> & Pick<RenderOptions, 'layout'>;
  return creationDate === undefined ? rest : { ...rest, creationDate: new Date(creationDate) };
}
