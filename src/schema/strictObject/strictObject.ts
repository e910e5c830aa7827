import * as z from 'zod';

/**
 * Marker placed in the message of an `unrecognized_keys` issue so that
 * `toReportIssues` can name the nearest valid key. Internal; never shown to users.
 * @internal
 */
export const ALLOWED_KEYS_MARKER = 'allowed-keys:';

/**
 * A zod object that rejects unknown keys and remembers which keys it allows, so the error for a
 * typo can name the nearest valid key (`headng` → did you mean `heading`?).
 *
 * @param shape The object's fields.
 * @returns A strict zod object schema.
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape): z.ZodObject<Shape, z.core.$strict> {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `${ALLOWED_KEYS_MARKER}${JSON.stringify(allowed)}` : undefined,
  });
}
