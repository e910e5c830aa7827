import { TABLE3_LABELS } from '../../schema/forms/formLabels/formLabels.ts';
import type { FormVersion } from '../../schema/forms/forms.ts';
import type { FormColumnTemplate, FormRowTemplate, FormTemplate } from '../formTemplate/formTemplate.ts';

/** The 勾稽关系 text of the 表三 corner cell. */
export const TABLE3_CORNER = TABLE3_LABELS.corner;

const L = TABLE3_LABELS;
const ORGANIZATIONS = ['commercialEnterprise', 'researchInstitution', 'socialWelfareOrganization', 'legalServiceAgency', 'otherOrganization'] as const;

/** The 表三 column tree (the same in both versions): 申请人情况 → 自然人 · 法人或其他组织（5） · 总计. */
export const TABLE3_COLUMNS: readonly FormColumnTemplate[] = [
  {
    label: L.columnGroups.applicants,
    children: [
      { label: L.columns.naturalPerson, key: 'naturalPerson' },
      { label: L.columnGroups.organizations, children: ORGANIZATIONS.map((key) => ({ label: L.columns[key], key })) },
      { label: L.columns.total, key: 'total' },
    ],
  },
];

const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧'];

function group(key: keyof typeof L.groupRows, short: string): FormRowTemplate {
  const children = Object.entries<string>(L.groupRows[key]).map(([k, l], i) => ({ label: l, key: k, short: `${short}${CIRCLED[i] ?? i + 1}` }));
  return { label: L.rows[key], key, short, children };
}

const OTHER_2019: FormRowTemplate = { label: L.rows.otherHandling, key: 'otherHandling', short: '（六）' };
const OTHER_2021 = group('otherHandling', '（六）');

function rows(other: FormRowTemplate): FormRowTemplate[] {
  return [
    { label: L.rows.newlyReceived, key: 'newlyReceived', short: '一、' },
    { label: L.rows.carriedOver, key: 'carriedOver', short: '二、' },
    {
      label: L.rows.results,
      children: [
        { label: L.rows.granted, key: 'granted', short: '（一）' },
        { label: L.rows.partlyGranted, key: 'partlyGranted', short: '（二）' },
        group('withheld', '（三）'),
        group('unableToProvide', '（四）'),
        group('notProcessed', '（五）'),
        other,
        { label: L.rows.total, key: 'total', short: '（七）' },
      ],
    },
    { label: L.rows.carriedForward, key: 'carriedForward', short: '四、' },
  ];
}

function template(version: FormVersion, other: FormRowTemplate): FormTemplate {
  return { id: 'table3', version, name: '表三', bands: [{ corner: TABLE3_CORNER, columns: TABLE3_COLUMNS, rows: rows(other) }] };
}

/**
 * 表三 (收到和处理政府信息公开申请情况) per version: 23 data rows in the 2019 form, 25 in the
 * 2021 form, which splits （六）其他处理 into three rows.
 */
export const TABLE3_TEMPLATES: Readonly<Record<FormVersion, FormTemplate>> = {
  '2019': template('2019', OTHER_2019),
  '2021': template('2021', OTHER_2021),
};
