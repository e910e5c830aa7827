import { createHash } from 'node:crypto';
import type { RenderJobOptions } from '../jobOptions/jobOptions.ts';

/** Prefix of every render job id; a custom BullMQ id must not look like an integer. */
export const RENDER_JOB_ID_PREFIX = 'rpt-';

/**
 * The id of a render job, derived from its content: the SHA-256 of the canonical JSON of the
 * report and its options (object keys sorted, so key order does not matter), cut to 128 bits.
 * The same report with the same options always gets the same id, so submitting it twice renders
 * it once (BullMQ ignores a job whose id is already in the queue).
 *
 * @param report The report as parsed JSON (object, or JSON text as given).
 * @param options The job's render options.
 * @returns An id such as `rpt-3f2a9c1b…` (36 characters).
 */
export function renderJobId(report: unknown, options: RenderJobOptions = {}): string {
  const digest = createHash('sha256').update(canonicalJson({ report, options })).digest('hex');
  return `${RENDER_JOB_ID_PREFIX}${digest.slice(0, 32)}`;
}

/**
 * JSON with object keys in sorted order at every level, and `undefined` members left out as
 * `JSON.stringify` leaves them out; two values that print the same JSON up to key order give
 * the same text.
 *
 * @param value A JSON-compatible value.
 * @returns The canonical JSON text.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    if (member === null || typeof member !== 'object' || Array.isArray(member)) return member;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(member).sort()) sorted[key] = (member as Record<string, unknown>)[key];
    return sorted;
  }) ?? 'null';
}
