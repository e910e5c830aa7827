import { InvalidArgumentError } from '../../errors/errors.ts';
import { DEFAULT_LIMITS, type InputLimits } from './limits.ts';

/** Nesting limits build the schema level by level, so they stay small. */
const DEPTH_CAP = 16;

const cache = new Map<string, InputLimits>();

/**
 * Merges the caller's limits over the defaults and checks them: every limit is a whole number
 * from 0 (nesting limits from 1 to 16); keys left out or `undefined` keep the default. The same
 * values give the same frozen object, so schemas built for them are reused.
 *
 * @param limits The caller's limits.
 * @returns The full limits.
 */
export function resolveLimits(limits: Partial<InputLimits> | undefined): InputLimits {
  if (limits === undefined) return DEFAULT_LIMITS;
  if (typeof limits !== 'object' || limits === null) {
    throw new InvalidArgumentError('limits', { zh: '对象', en: 'an object' }, limits);
  }
  const merged: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const name of Object.keys(DEFAULT_LIMITS) as (keyof InputLimits)[]) {
    const value = (limits as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const depth = name === 'maxSectionDepth' || name === 'maxHeaderDepth';
    const [min, max] = depth ? [1, DEPTH_CAP] : [0, Number.MAX_SAFE_INTEGER];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`limits.${name}`, { zh: `${min} 到 ${max} 之间的整数`, en: `a whole number from ${min} to ${max}` }, value);
    }
    merged[name] = value;
  }
  const key = JSON.stringify(merged);
  let resolved = cache.get(key);
  if (resolved === undefined) {
    resolved = Object.freeze(merged as unknown as InputLimits);
    cache.set(key, resolved);
  }
  return resolved;
}
