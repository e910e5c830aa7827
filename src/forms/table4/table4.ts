import { TABLE4_LABELS } from '../../schema/forms/formLabels/formLabels.ts';
import type { FormVersion } from '../../schema/forms/forms.ts';
import type { FormColumnTemplate, FormTemplate } from '../formTemplate/formTemplate.ts';

const L = TABLE4_LABELS;
const OUTCOMES: readonly FormColumnTemplate[] = Object.entries<string>(L.outcomes).map(([key, label]) => ({ label, key }));

/** The 表四 column tree: 行政复议（5） · 行政诉讼 → 未经复议直接起诉（5） · 复议后起诉（5）. */
export const TABLE4_COLUMNS: readonly FormColumnTemplate[] = [
  { label: L.groups.review, key: 'review', children: OUTCOMES },
  {
    label: L.groups.litigation,
    key: 'litigation',
    children: [
      { label: L.groups.direct, key: 'direct', children: OUTCOMES },
      { label: L.groups.afterReview, key: 'afterReview', children: OUTCOMES },
    ],
  },
];

function template(version: FormVersion): FormTemplate {
  // One data row and no row-header column: the row has no label and the band no corner.
  return { id: 'table4', version, name: '表四', bands: [{ columns: TABLE4_COLUMNS, rows: [{}] }] };
}

/** 表四 (政府信息公开行政复议、行政诉讼情况), the same 15 columns in both versions. */
export const TABLE4_TEMPLATES: Readonly<Record<FormVersion, FormTemplate>> = {
  '2019': template('2019'),
  '2021': template('2021'),
};

/** The three 表四 groups whose 总计 is the sum of their four outcomes, as input paths. */
export const TABLE4_GROUPS: readonly (readonly string[])[] = [['review'], ['litigation', 'direct'], ['litigation', 'afterReview']];
