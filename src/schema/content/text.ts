import * as z from 'zod';

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
 * A required text of the given role: a string that is not only white space and not longer
 * than `maxLength` characters.
 *
 * @param role What the text is (used in messages).
 * @param maxLength Longest accepted length.
 * @returns A zod string schema.
 */
export function requiredText(role: TextRole, maxLength: number): z.ZodString {
  return z
    .string()
    .max(maxLength)
    .refine((text) => text.trim() !== '', { params: { rule: 'not_blank', role } });
}
