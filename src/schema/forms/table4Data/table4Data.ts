import type * as z from 'zod';
import type { InputLimits } from '../../limits/limits.ts';
import { strictObject } from '../../strictObject/strictObject.ts';
import { createFormValueSchemas } from '../formValues/formValues.ts';

/** Keys of the five outcome columns repeated in each 表四 group, with their printed labels. */
export const TABLE4_OUTCOME_LABELS = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
} as const;

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
    review: group('行政复议'),
    litigation: strictObject({
      direct: group('行政诉讼 › 未经复议直接起诉'),
      afterReview: group('行政诉讼 › 复议后起诉'),
    })
      .optional()
      .describe('行政诉讼'),
  }).describe('表四 政府信息公开行政复议、行政诉讼情况 / 表四 administrative review and litigation');
}

/** The keyed data of 表四 as validated. */
export type Table4Data = z.output<ReturnType<typeof createTable4DataSchema>>;
