import type * as z from 'zod';
import type { InputLimits } from '../../limits/limits.ts';
import { strictObject } from '../../strictObject/strictObject.ts';
import { TABLE4_LABELS } from '../formLabels/formLabels.ts';
import { createFormValueSchemas } from '../formValues/formValues.ts';

const L = TABLE4_LABELS;

/** Keys of the five outcome columns repeated in each 表四 group, with their printed labels (from {@link TABLE4_LABELS}). */
export const TABLE4_OUTCOME_LABELS = L.outcomes;

/**
 * The keyed data of 表四 (政府信息公开行政复议、行政诉讼情况), the same in both versions:
 * `review` (行政复议), `litigation.direct` (行政诉讼 › 未经复议直接起诉) and
 * `litigation.afterReview` (行政诉讼 › 复议后起诉), each with the five outcomes.
 *
 * @param limits Size limits.
 * @returns The zod schema of `data` in `{ "form": "table4", "data": … }`.
 */
export function createTable4DataSchema(limits: InputLimits) {
  const { count } = createFormValueSchemas(limits);
  const outcomes = Object.fromEntries(
    Object.entries(TABLE4_OUTCOME_LABELS).map(([key, label]) => [key, count.describe(label)]),
  ) as Record<keyof typeof TABLE4_OUTCOME_LABELS, typeof count>;
  const group = (label: string) => strictObject(outcomes).optional().describe(label);
  return strictObject({
    review: group(L.groups.review),
    litigation: strictObject({
      direct: group(`${L.groups.litigation} › ${L.groups.direct}`),
      afterReview: group(`${L.groups.litigation} › ${L.groups.afterReview}`),
    })
      .optional()
      .describe(L.groups.litigation),
  }).describe('表四 政府信息公开行政复议、行政诉讼情况 / 表四 administrative review and litigation');
}

/** The keyed data of 表四 as validated. */
export type Table4Data = z.output<ReturnType<typeof createTable4DataSchema>>;
