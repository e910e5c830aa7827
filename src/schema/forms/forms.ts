import * as z from 'zod';
import { limitCheck } from '../messages/messages.ts';
import type { InputLimits } from '../limits/limits.ts';
import { requiredText } from '../content/text.ts';
import { strictObject } from '../strictObject/strictObject.ts';
import { named } from '../jsonSchema/named.ts';
import { createTable2DataSchema } from './table2Data/table2Data.ts';
import { createTable3DataSchema } from './table3Data/table3Data.ts';
import { createTable4DataSchema } from './table4Data/table4Data.ts';

/** The official statistics tables of the annual report that the library can print from keyed numbers. */
export const FORM_TABLE_IDS = ['table2', 'table3', 'table4'] as const;

/** One of {@link FORM_TABLE_IDS}. */
export type FormTableId = (typeof FORM_TABLE_IDS)[number];

/** The two versions of the official form: 国办公开办函〔2019〕60号 and 〔2021〕30号. */
export const FORM_VERSIONS = ['2019', '2021'] as const;

/** One of {@link FORM_VERSIONS}. */
export type FormVersion = (typeof FORM_VERSIONS)[number];

/**
 * The schema of a block that asks for an official table:
 * `{ "form": "table3", "version"?: "2019" | "2021", "caption"?, "notes"?: [...], "data": { … } }`.
 *
 * Why `data` accepts the keys of both versions: the version that applies is the block's
 * `version`, else the report's `form`, else the one in force in `meta.year` — and a block schema
 * cannot see the report. Checking half of the rule here (blocks with `version`) and half later
 * would give one rule two places and two message formats, so the schema checks every key and
 * value type against the union of both versions (a typo is an error naming the nearest key; every
 * key is typed and described in the JSON Schema, with the version it belongs to), and
 * `resolveForms`, which knows the report, reports each key of the version not in use as an error
 * (`form_key_version`) with its path.
 *
 * @param limits Size limits.
 * @returns The zod schema of a form-table block (discriminated by `form`).
 */
export function createFormBlockSchema(limits: InputLimits) {
  const common = {
    version: z.enum(FORM_VERSIONS).optional().describe('本表采用的格式版本，默认取报告的 form 或年度 / form version of this table'),
    caption: requiredText('caption', limits.maxParagraphLength, 'maxParagraphLength').optional().describe('表题 / caption above the table'),
    notes: z
      .array(requiredText('note', limits.maxParagraphLength, 'maxParagraphLength'))
      .max(limits.maxBlocks, limitCheck('maxBlocks', limits.maxBlocks))
      .optional()
      .describe('表下的“注：”脚注 / footnotes under the table'),
  };
  return named('FormBlock', z.discriminatedUnion('form', [
    named('Table2Block', strictObject({ form: z.literal('table2').describe('表二 主动公开政府信息情况'), ...common, data: named('Table2Data', createTable2DataSchema(limits)) })),
    named('Table3Block', strictObject({ form: z.literal('table3').describe('表三 收到和处理政府信息公开申请情况'), ...common, data: named('Table3Data', createTable3DataSchema(limits)) })),
    named('Table4Block', strictObject({ form: z.literal('table4').describe('表四 政府信息公开行政复议、行政诉讼情况'), ...common, data: named('Table4Data', createTable4DataSchema(limits)) })),
  ]));
}

/** A block asking for an official table, as validated. */
export type FormBlock = z.output<ReturnType<typeof createFormBlockSchema>>;

/** An official-form block as a caller may write it (`{ form: 'table3', data: { … } }`). */
export type FormBlockInput = z.input<ReturnType<typeof createFormBlockSchema>>;
