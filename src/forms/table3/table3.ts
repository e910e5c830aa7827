import type { FormVersion } from '../../schema/forms/forms.ts';
import type { FormColumnTemplate, FormRowTemplate, FormTemplate } from '../formTemplate/formTemplate.ts';

/** The 勾稽关系 text of the 表三 corner cell. */
export const TABLE3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** The 表三 column tree (the same in both versions): 申请人情况 → 自然人 · 法人或其他组织（5） · 总计. */
export const TABLE3_COLUMNS: readonly FormColumnTemplate[] = [
  {
    label: '申请人情况',
    children: [
      { label: '自然人', key: 'naturalPerson' },
      {
        label: '法人或其他组织',
        children: [
          { label: '商业企业', key: 'commercialEnterprise' },
          { label: '科研机构', key: 'researchInstitution' },
          { label: '社会公益组织', key: 'socialWelfareOrganization' },
          { label: '法律服务机构', key: 'legalServiceAgency' },
          { label: '其他', key: 'otherOrganization' },
        ],
      },
      { label: '总计', key: 'total' },
    ],
  },
];

const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧'];

function group(label: string, key: string, short: string, items: Record<string, string>): FormRowTemplate {
  const children = Object.entries(items).map(([k, l], i) => ({ label: l, key: k, short: `${short}${CIRCLED[i] ?? i + 1}` }));
  return { label, key, short, children };
}

const OTHER_2019: FormRowTemplate = { label: '（六）其他处理', key: 'otherHandling', short: '（六）' };
const OTHER_2021 = group('（六）其他处理', 'otherHandling', '（六）', {
  noCorrection: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  feeUnpaid: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other: '3.其他',
});

function rows(other: FormRowTemplate): FormRowTemplate[] {
  return [
    { label: '一、本年新收政府信息公开申请数量', key: 'newlyReceived', short: '一、' },
    { label: '二、上年结转政府信息公开申请数量', key: 'carriedOver', short: '二、' },
    {
      label: '三、本年度办理结果',
      children: [
        { label: '（一）予以公开', key: 'granted', short: '（一）' },
        { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', key: 'partlyGranted', short: '（二）' },
        group('（三）不予公开', 'withheld', '（三）', {
          stateSecret: '1.属于国家秘密',
          prohibitedByLaw: '2.其他法律行政法规禁止公开',
          endangersSecurity: '3.危及“三安全一稳定”',
          thirdPartyRights: '4.保护第三方合法权益',
          internalAffairs: '5.属于三类内部事务信息',
          processInformation: '6.属于四类过程性信息',
          enforcementCaseFile: '7.属于行政执法案卷',
          administrativeQuery: '8.属于行政查询事项',
        }),
        group('（四）无法提供', 'unableToProvide', '（四）', {
          notHeld: '1.本机关不掌握相关政府信息',
          needsCreation: '2.没有现成信息需要另行制作',
          stillUnclear: '3.补正后申请内容仍不明确',
        }),
        group('（五）不予处理', 'notProcessed', '（五）', {
          complaint: '1.信访举报投诉类申请',
          duplicate: '2.重复申请',
          publication: '3.要求提供公开出版物',
          excessive: '4.无正当理由大量反复申请',
          confirmation: '5.要求行政机关确认或重新出具已获取信息',
        }),
        other,
        { label: '（七）总计', key: 'total', short: '（七）' },
      ],
    },
    { label: '四、结转下年度继续办理', key: 'carriedForward', short: '四、' },
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
