import type { FormColumnTemplate, FormTemplate } from '../formTemplate/formTemplate.ts';
import type { FormVersion } from '../../schema/forms/forms.ts';

/** The corner text of every 表二 band. */
export const TABLE2_CORNER = '信息内容';

const DECISIONS_2019: readonly FormColumnTemplate[] = [
  { label: '上一年项目数量', key: 'previousYear' },
  { label: '本年增/减', key: 'change', kind: 'change' },
  { label: '处理决定数量', key: 'decisions' },
];
const DECISIONS_2021: readonly FormColumnTemplate[] = [{ label: '本年处理决定数量', key: 'decisions' }];

const TABLE2_2019: FormTemplate = {
  id: 'table2',
  version: '2019',
  name: '表二',
  bands: [
    {
      title: '第二十条第（一）项',
      corner: TABLE2_CORNER,
      key: 'documents',
      columns: [
        { label: '本年新制作数量', key: 'newlyMade' },
        { label: '本年新公开数量', key: 'newlyPublished' },
        { label: '对外公开总数量', key: 'totalPublished' },
      ],
      rows: [
        { label: '规章', key: 'rules' },
        { label: '规范性文件', key: 'normativeDocuments' },
      ],
    },
    {
      title: '第二十条第（五）项',
      corner: TABLE2_CORNER,
      key: 'licensing',
      columns: DECISIONS_2019,
      rows: [
        { label: '行政许可', key: 'administrativeLicensing' },
        { label: '其他对外管理服务事项', key: 'otherExternalServices' },
      ],
    },
    {
      title: '第二十条第（六）项',
      corner: TABLE2_CORNER,
      key: 'enforcement',
      columns: DECISIONS_2019,
      rows: [
        { label: '行政处罚', key: 'administrativePenalty' },
        { label: '行政强制', key: 'administrativeCoercion' },
      ],
    },
    {
      title: '第二十条第（八）项',
      corner: TABLE2_CORNER,
      key: 'fees',
      columns: DECISIONS_2019.slice(0, 2),
      rows: [{ label: '行政事业性收费', key: 'administrativeFees' }],
    },
    {
      title: '第二十条第（九）项',
      corner: TABLE2_CORNER,
      key: 'procurement',
      columns: [
        { label: '采购项目数量', key: 'projects' },
        { label: '采购总金额', key: 'amount', kind: 'money' },
      ],
      rows: [{ label: '政府集中采购', key: 'centralizedProcurement' }],
    },
  ],
};

const TABLE2_2021: FormTemplate = {
  id: 'table2',
  version: '2021',
  name: '表二',
  bands: [
    {
      title: '第二十条第（一）项',
      corner: TABLE2_CORNER,
      key: 'documents',
      columns: [
        { label: '本年制发件数', key: 'issued' },
        { label: '本年废止件数', key: 'repealed' },
        { label: '现行有效件数', key: 'inForce' },
      ],
      rows: [
        { label: '规章', key: 'rules' },
        { label: '行政规范性文件', key: 'normativeDocuments' },
      ],
    },
    {
      title: '第二十条第（五）项',
      corner: TABLE2_CORNER,
      key: 'licensing',
      columns: DECISIONS_2021,
      rows: [{ label: '行政许可', key: 'administrativeLicensing' }],
    },
    {
      title: '第二十条第（六）项',
      corner: TABLE2_CORNER,
      key: 'enforcement',
      columns: DECISIONS_2021,
      rows: [
        { label: '行政处罚', key: 'administrativePenalty' },
        { label: '行政强制', key: 'administrativeCoercion' },
      ],
    },
    {
      title: '第二十条第（八）项',
      corner: TABLE2_CORNER,
      key: 'fees',
      columns: [{ label: '本年收费金额（单位：万元）', key: 'amount', kind: 'money' }],
      rows: [{ label: '行政事业性收费', key: 'administrativeFees' }],
    },
  ],
};

/** 表二 (主动公开政府信息情况) per version: its bands, one per article item, as data. */
export const TABLE2_TEMPLATES: Readonly<Record<FormVersion, FormTemplate>> = { '2019': TABLE2_2019, '2021': TABLE2_2021 };
