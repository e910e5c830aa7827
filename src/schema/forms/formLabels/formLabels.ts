/**
 * The printed labels of the three official tables (国办公开办函〔2019〕60号 and 〔2021〕30号), one
 * table per form, keyed like the input. The forms' templates (src/forms/table2, table3, table4)
 * print them; the data schemas (table2Data, table3Data, table4Data) describe their keys with
 * them. Labels are the forms' own words, including the ones real reports misprint.
 *
 * @module
 */

/** 表二 (主动公开政府信息情况): band titles, corner, and the labels of rows and columns by version. */
export const TABLE2_LABELS = {
  corner: '信息内容',
  bands: {
    documents: '第二十条第（一）项',
    licensing: '第二十条第（五）项',
    enforcement: '第二十条第（六）项',
    fees: '第二十条第（八）项',
    procurement: '第二十条第（九）项',
  },
  rows: {
    rules: '规章',
    normativeDocuments: { '2019': '规范性文件', '2021': '行政规范性文件' },
    administrativeLicensing: '行政许可',
    otherExternalServices: '其他对外管理服务事项',
    administrativePenalty: '行政处罚',
    administrativeCoercion: '行政强制',
    administrativeFees: '行政事业性收费',
    centralizedProcurement: '政府集中采购',
  },
  columns: {
    newlyMade: '本年新制作数量',
    newlyPublished: '本年新公开数量',
    totalPublished: '对外公开总数量',
    issued: '本年制发件数',
    repealed: '本年废止件数',
    inForce: '现行有效件数',
    previousYear: '上一年项目数量',
    change: '本年增/减',
    decisions: { '2019': '处理决定数量', '2021': '本年处理决定数量' },
    feeAmount: '本年收费金额（单位：万元）',
    projects: '采购项目数量',
    procurementAmount: '采购总金额',
  },
} as const;

/** 表三 (收到和处理政府信息公开申请情况): applicant columns and request rows. */
export const TABLE3_LABELS = {
  corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  columnGroups: { applicants: '申请人情况', organizations: '法人或其他组织' },
  columns: {
    naturalPerson: '自然人',
    commercialEnterprise: '商业企业',
    researchInstitution: '科研机构',
    socialWelfareOrganization: '社会公益组织',
    legalServiceAgency: '法律服务机构',
    otherOrganization: '其他',
    total: '总计',
  },
  rows: {
    newlyReceived: '一、本年新收政府信息公开申请数量',
    carriedOver: '二、上年结转政府信息公开申请数量',
    results: '三、本年度办理结果',
    granted: '（一）予以公开',
    partlyGranted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    withheld: '（三）不予公开',
    unableToProvide: '（四）无法提供',
    notProcessed: '（五）不予处理',
    otherHandling: '（六）其他处理',
    total: '（七）总计',
    carriedForward: '四、结转下年度继续办理',
  },
  /** Rows under a group row, in order. `otherHandling` has them in the 2021 form only. */
  groupRows: {
    withheld: {
      stateSecret: '1.属于国家秘密',
      prohibitedByLaw: '2.其他法律行政法规禁止公开',
      endangersSecurity: '3.危及“三安全一稳定”',
      thirdPartyRights: '4.保护第三方合法权益',
      internalAffairs: '5.属于三类内部事务信息',
      processInformation: '6.属于四类过程性信息',
      enforcementCaseFile: '7.属于行政执法案卷',
      administrativeQuery: '8.属于行政查询事项',
    },
    unableToProvide: {
      notHeld: '1.本机关不掌握相关政府信息',
      needsCreation: '2.没有现成信息需要另行制作',
      stillUnclear: '3.补正后申请内容仍不明确',
    },
    notProcessed: {
      complaint: '1.信访举报投诉类申请',
      duplicate: '2.重复申请',
      publication: '3.要求提供公开出版物',
      excessive: '4.无正当理由大量反复申请',
      confirmation: '5.要求行政机关确认或重新出具已获取信息',
    },
    otherHandling: {
      noCorrection: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      feeUnpaid: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      other: '3.其他',
    },
  },
} as const;

/** 表四 (政府信息公开行政复议、行政诉讼情况): column groups and the five outcomes of each. */
export const TABLE4_LABELS = {
  groups: { review: '行政复议', litigation: '行政诉讼', direct: '未经复议直接起诉', afterReview: '复议后起诉' },
  outcomes: { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' },
} as const;
