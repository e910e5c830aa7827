import * as z from 'zod';
import type { InputLimits } from '../../limits/limits.ts';
import { requiredText } from '../../content/text.ts';
import { strictObject } from '../../strictObject/strictObject.ts';

/** A count printed with a note in brackets after it: `{ value: 55, note: '含自然失效29件' }` → `55（含自然失效29件）`. */
export interface AnnotatedCount {
  /** The count, a non-negative integer; this is the number that enters the sums. */
  readonly value: number;
  /** The note printed in full-width brackets after the count, e.g. `含自然失效29件`. */
  readonly note: string;
}

/** A count cell: a non-negative integer, an {@link AnnotatedCount}, or `null` / absent for a blank (not 0). */
export type FormCount = number | AnnotatedCount | null | undefined;

/** A money cell: a decimal string printed exactly as given (`"12.50"`, `"251000元"`), or `null` / absent. */
export type FormMoney = string | null | undefined;

/** A 本年增/减 cell: a signed integer printed with its sign (`+3`, `-18`, `0`), or `null` / absent. */
export type FormChange = number | null | undefined;

/** Money as written in the forms: digits, optional decimals (any number of them), optional unit. */
export const MONEY_PATTERN = /^\d+(?:\.\d+)?(?:元|千元|万元|亿元)?$/u;

/**
 * The schemas of the three kinds of value a form cell holds. Each is optional, so a key left out
 * is a blank like `null`. Money is a string so that its digits print exactly as given.
 *
 * @param limits Size limits (the longest note).
 * @returns The `count`, `money` and `change` schemas.
 */
export function createFormValueSchemas(limits: InputLimits) {
  const annotated = strictObject({
    value: z.int().min(0).describe('数量（计入合计） / the count, used in the sums'),
    note: requiredText('note', limits.maxCellTextLength, 'maxCellTextLength').describe('括注，印在数量后的括号内 / note printed in brackets after the count'),
  }).describe('带括注的数量，印作 55（含自然失效29件） / annotated count');
  const count = z
    .union([z.int().min(0), annotated, z.null()])
    .optional()
    .describe('数量：非负整数；null 或不填为空白（不同于 0） / count: integer ≥ 0; null or absent = blank');
  const money = z
    .union([
      z
        .string()
        .max(40)
        .refine((text) => MONEY_PATTERN.test(text), {
          params: {
            rule: 'form_money',
            zh: '金额应写成数字字符串，如 "12.50"、"5949.088667" 或 "251000元"',
            en: 'money is written as a decimal string such as "12.50", "5949.088667" or "251000元"',
            expected: 'a decimal string',
          },
        })
        .meta({ pattern: MONEY_PATTERN.source }),
      z.null(),
    ])
    .optional()
    .describe('金额：十进制数字字符串，可带单位，按原样印出 / money: decimal string, optional unit, printed as given');
  const change = z
    .union([z.int(), z.null()])
    .optional()
    .describe('本年增/减：带符号整数，印作 +3、-18、0 / signed change, printed with its sign');
  return { count, money, change };
}
