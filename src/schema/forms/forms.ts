import * as z from 'zod';
import type { InputLimits } from '../limits/limits.ts';
import { strictObject } from '../strictObject/strictObject.ts';

/** The official statistics tables of the annual report that the library can print from keyed numbers. */
export const FORM_TABLE_IDS = ['table2', 'table3', 'table4'] as const;

/** The two versions of the official form: 国办公开办函〔2019〕60号 and 〔2021〕30号. */
export const FORM_VERSIONS = ['2019', '2021'] as const;

/** One of {@link FORM_VERSIONS}. */
export type FormVersion = (typeof FORM_VERSIONS)[number];

/**
 * The schema of a block that asks for an official table: `{ "form": "table3", "data": { … } }`.
 * The keyed `data` of each table is defined with the form templates (issue 4); until then it is
 * checked as an object of numbers keyed by meaning.
 *
 * @param limits Size limits.
 * @returns The zod schema of a form-table block.
 */
export function createFormBlockSchema(limits: InputLimits) {
  return strictObject({
    form: z.enum(FORM_TABLE_IDS),
    version: z.enum(FORM_VERSIONS).optional(),
    caption: z.string().max(limits.maxParagraphLength).optional(),
    notes: z.array(z.string().max(limits.maxParagraphLength)).optional(),
    data: z.record(z.string(), z.unknown()),
  });
}

/** A block asking for an official table, as validated. */
export type FormBlock = z.output<ReturnType<typeof createFormBlockSchema>>;
