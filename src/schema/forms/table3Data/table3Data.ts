import type * as z from 'zod';
import type { InputLimits } from '../../limits/limits.ts';
import { strictObject } from '../../strictObject/strictObject.ts';
import { createFormValueSchemas } from '../formValues/formValues.ts';

/** Keys of the 表三 applicant columns, left to right, with their printed labels. */
export const TABLE3_COLUMN_LABELS = {
  naturalPerson: '自然人',
  commercialEnterprise: '法人或其他组织 › 商业企业',
  researchInstitution: '法人或其他组织 › 科研机构',
  socialWelfareOrganization: '法人或其他组织 › 社会公益组织',
  legalServiceAgency: '法人或其他组织 › 法律服务机构',
  otherOrganization: '法人或其他组织 › 其他',
  total: '总计',
} as const;

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
  return strictObject({
    newlyReceived: row('一、本年新收政府信息公开申请数量'),
    carriedOver: row('二、上年结转政府信息公开申请数量'),
    granted: row('三、本年度办理结果 › （一）予以公开'),
    partlyGranted: row('三、本年度办理结果 › （二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
    withheld: group('三、本年度办理结果 › （三）不予公开', {
      stateSecret: '1.属于国家秘密',
      prohibitedByLaw: '2.其他法律行政法规禁止公开',
      endangersSecurity: '3.危及“三安全一稳定”',
      thirdPartyRights: '4.保护第三方合法权益',
      internalAffairs: '5.属于三类内部事务信息',
      processInformation: '6.属于四类过程性信息',
      enforcementCaseFile: '7.属于行政执法案卷',
      administrativeQuery: '8.属于行政查询事项',
    }),
    unableToProvide: group('三、本年度办理结果 › （四）无法提供', {
      notHeld: '1.本机关不掌握相关政府信息',
      needsCreation: '2.没有现成信息需要另行制作',
      stillUnclear: '3.补正后申请内容仍不明确',
    }),
    notProcessed: group('三、本年度办理结果 › （五）不予处理', {
      complaint: '1.信访举报投诉类申请',
      duplicate: '2.重复申请',
      publication: '3.要求提供公开出版物',
      excessive: '4.无正当理由大量反复申请',
      confirmation: '5.要求行政机关确认或重新出具已获取信息',
    }),
    otherHandling: strictObject({
      ...columns,
      noCorrection: row('（2021 版）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
      feeUnpaid: row('（2021 版）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
      other: row('（2021 版）3.其他'),
    })
      .optional()
      .describe(
        '三、本年度办理结果 › （六）其他处理：2019 版为一行（直接填各列）；2021 版分三行 noCorrection / feeUnpaid / other',
      ),
    total: row('三、本年度办理结果 › （七）总计'),
    carriedForward: row('四、结转下年度继续办理'),
  }).describe('表三 收到和处理政府信息公开申请情况：行 → 申请人列 / 表三 requests received and handled: row → applicant column');
}

/** The keyed data of 表三 as validated (both versions' keys; see {@link createTable3DataSchema}). */
export type Table3Data = z.output<ReturnType<typeof createTable3DataSchema>>;

/** One 表三 row: a count per applicant column. */
export type Table3Row = Partial<Record<Table3Column, z.output<ReturnType<typeof createFormValueSchemas>['count']>>>;
