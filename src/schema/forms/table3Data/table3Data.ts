import type * as z from 'zod';
import type { InputLimits } from '../../limits/limits.ts';
import { strictObject } from '../../strictObject/strictObject.ts';
import { TABLE3_LABELS } from '../formLabels/formLabels.ts';
import { createFormValueSchemas } from '../formValues/formValues.ts';

const L = TABLE3_LABELS;
const organization = (label: string) => `${L.columnGroups.organizations} › ${label}`;

/** Keys of the 表三 applicant columns, left to right, with their printed labels (from {@link TABLE3_LABELS}). */
export const TABLE3_COLUMN_LABELS = {
  naturalPerson: L.columns.naturalPerson,
  commercialEnterprise: organization(L.columns.commercialEnterprise),
  researchInstitution: organization(L.columns.researchInstitution),
  socialWelfareOrganization: organization(L.columns.socialWelfareOrganization),
  legalServiceAgency: organization(L.columns.legalServiceAgency),
  otherOrganization: organization(L.columns.otherOrganization),
  total: L.columns.total,
} as const satisfies Record<keyof typeof L.columns, string>;

/** One of the seven 表三 columns. */
export type Table3Column = keyof typeof TABLE3_COLUMN_LABELS;

/**
 * The keyed data of 表三 (收到和处理政府信息公开申请情况), rows by meaning, then columns by
 * applicant. The keys of both versions are accepted here; the only difference is （六）其他处理,
 * which is one row in the 2019 form (`otherHandling.naturalPerson` …) and three in the 2021 form
 * (`otherHandling.noCorrection` / `feeUnpaid` / `other`). Which set applies is decided with the
 * report (block `version`, report `form`, or `meta.year`), so `resolveForms` reports keys of the
 * other version as errors with their paths.
 *
 * @param limits Size limits.
 * @returns The zod schema of `data` in `{ "form": "table3", "data": … }`.
 */
export function createTable3DataSchema(limits: InputLimits) {
  const { count } = createFormValueSchemas(limits);
  const columns = Object.fromEntries(
    Object.entries(TABLE3_COLUMN_LABELS).map(([key, label]) => [key, count.describe(label)]),
  ) as Record<Table3Column, typeof count>;
  const rowObject = strictObject(columns);
  const row = (label: string) => rowObject.optional().describe(label);
  const group = <K extends string>(label: string, rows: Record<K, string>) =>
    strictObject(Object.fromEntries(Object.entries<string>(rows).map(([k, l]) => [k, row(l)])) as Record<K, ReturnType<typeof row>>)
      .optional()
      .describe(label);
  const result = (label: string) => `${L.rows.results} › ${label}`;
  return strictObject({
    newlyReceived: row(L.rows.newlyReceived),
    carriedOver: row(L.rows.carriedOver),
    granted: row(result(L.rows.granted)),
    partlyGranted: row(result(L.rows.partlyGranted)),
    withheld: group(result(L.rows.withheld), L.groupRows.withheld),
    unableToProvide: group(result(L.rows.unableToProvide), L.groupRows.unableToProvide),
    notProcessed: group(result(L.rows.notProcessed), L.groupRows.notProcessed),
    otherHandling: strictObject({
      ...columns,
      noCorrection: row(`（2021 版）${L.groupRows.otherHandling.noCorrection}`),
      feeUnpaid: row(`（2021 版）${L.groupRows.otherHandling.feeUnpaid}`),
      other: row(`（2021 版）${L.groupRows.otherHandling.other}`),
    })
      .optional()
      .describe(`${result(L.rows.otherHandling)}：2019 版为一行（直接填各列）；2021 版分三行 noCorrection / feeUnpaid / other`),
    total: row(result(L.rows.total)),
    carriedForward: row(L.rows.carriedForward),
  }).describe('表三 收到和处理政府信息公开申请情况：行 → 申请人列 / 表三 requests received and handled: row → applicant column');
}

/** The keyed data of 表三 as validated (both versions' keys; see {@link createTable3DataSchema}). */
export type Table3Data = z.output<ReturnType<typeof createTable3DataSchema>>;

/** One 表三 row: a count per applicant column. */
export type Table3Row = Partial<Record<Table3Column, z.output<ReturnType<typeof createFormValueSchemas>['count']>>>;
