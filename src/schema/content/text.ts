import * as z from 'zod';
import type { InputLimits } from '../limits/limits.ts';
import { limitCheck, withMessage } from '../messages/messages.ts';

/** What a piece of text is, so that messages can say `段落不能为空 / paragraph must not be empty`. */
export type TextRole =
  | 'paragraph'
  | 'lead'
  | 'heading'
  | 'number'
  | 'title'
  | 'issuer'
  | 'label'
  | 'caption'
  | 'note'
  | 'cell'
  | 'subject'
  | 'keyword'
  | 'date'
  | 'watermark';

/**
 * The not-blank rule as a JSON Schema pattern: at least one character that is not white space.
 * JavaScript's `\s` and `String.prototype.trim` use the same set of white space and line
 * terminators, so the pattern and the refinement agree on every string.
 */
export const NOT_BLANK_PATTERN = '\\S';

/**
 * A required text of the given role: a string that is not only white space and not longer
 * than `maxLength` characters.
 *
 * @param role What the text is (used in messages).
 * @param maxLength Longest accepted length.
 * @param limit The configurable limit `maxLength` comes from, named in the message.
 * @returns A zod string schema.
 */
export function requiredText(role: TextRole, maxLength: number, limit?: keyof InputLimits): z.ZodString {
  const tooLong =
    limit === undefined
      ? withMessage({ zh: `过长：最多 ${maxLength} 个字符`, en: `too long: at most ${maxLength} characters`, expected: `at most ${maxLength} characters` })
      : limitCheck(limit, maxLength);
  return z
    .string()
    .max(maxLength, tooLong)
    .refine((text) => text.trim() !== '', { params: { rule: 'not_blank', role } })
    .meta({ pattern: NOT_BLANK_PATTERN });
}
