import type { FormColumnTemplate, FormTemplate } from '../formTemplate/formTemplate.ts';
import { TABLE2_LABELS } from '../../schema/forms/formLabels/formLabels.ts';
import type { FormVersion } from '../../schema/forms/forms.ts';

const L = TABLE2_LABELS;

/** The corner text of every 表二 band. */
export const TABLE2_CORNER = L.corner;

const DECISIONS_2019: readonly FormColumnTemplate[] = [
  { label: L.columns.previousYear, key: 'previousYear' },
  { label: L.columns.change, key: 'change', kind: 'change' },
  { label: L.columns.decisions['2019'], key: 'decisions' },
];
const DECISIONS_2021: readonly FormColumnTemplate[] = [{ label: L.columns.decisions['2021'], key: 'decisions' }];

const TABLE2_2019: FormTemplate = {
  id: 'table2',
  version: '2019',
  name: '表二',
  bands: [
    {
      title: L.bands.documents,
      corner: TABLE2_CORNER,
      key: 'documents',
      columns: [
        { label: L.columns.newlyMade, key: 'newlyMade' },
        { label: L.columns.newlyPublished, key: 'newlyPublished' },
        { label: L.columns.totalPublished, key: 'totalPublished' },
      ],
      rows: [
        { label: L.rows.rules, key: 'rules' },
        { label: L.rows.normativeDocuments['2019'], key: 'normativeDocuments' },
      ],
    },
    {
      title: L.bands.licensing,
      corner: TABLE2_CORNER,
      key: 'licensing',
      columns: DECISIONS_2019,
      rows: [
        { label: L.rows.administrativeLicensing, key: 'administrativeLicensing' },
        { label: L.rows.otherExternalServices, key: 'otherExternalServices' },
      ],
    },
    {
      title: L.bands.enforcement,
      corner: TABLE2_CORNER,
      key: 'enforcement',
      columns: DECISIONS_2019,
      rows: [
        { label: L.rows.administrativePenalty, key: 'administrativePenalty' },
        { label: L.rows.administrativeCoercion, key: 'administrativeCoercion' },
      ],
    },
    {
      title: L.bands.fees,
      corner: TABLE2_CORNER,
      key: 'fees',
      columns: DECISIONS_2019.slice(0, 2),
      rows: [{ label: L.rows.administrativeFees, key: 'administrativeFees' }],
    },
    {
      title: L.bands.procurement,
      corner: TABLE2_CORNER,
      key: 'procurement',
      columns: [
        { label: L.columns.projects, key: 'projects' },
        { label: L.columns.procurementAmount, key: 'amount', kind: 'money' },
      ],
      rows: [{ label: L.rows.centralizedProcurement, key: 'centralizedProcurement' }],
    },
  ],
};

const TABLE2_2021: FormTemplate = {
  id: 'table2',
  version: '2021',
  name: '表二',
  bands: [
    {
      title: L.bands.documents,
      corner: TABLE2_CORNER,
      key: 'documents',
      columns: [
        { label: L.columns.issued, key: 'issued' },
        { label: L.columns.repealed, key: 'repealed' },
        { label: L.columns.inForce, key: 'inForce' },
      ],
      rows: [
        { label: L.rows.rules, key: 'rules' },
        { label: L.rows.normativeDocuments['2021'], key: 'normativeDocuments' },
      ],
    },
    {
      title: L.bands.licensing,
      corner: TABLE2_CORNER,
      key: 'licensing',
      columns: DECISIONS_2021,
      rows: [{ label: L.rows.administrativeLicensing, key: 'administrativeLicensing' }],
    },
    {
      title: L.bands.enforcement,
      corner: TABLE2_CORNER,
      key: 'enforcement',
      columns: DECISIONS_2021,
      rows: [
        { label: L.rows.administrativePenalty, key: 'administrativePenalty' },
        { label: L.rows.administrativeCoercion, key: 'administrativeCoercion' },
      ],
    },
    {
      title: L.bands.fees,
      corner: TABLE2_CORNER,
      key: 'fees',
      columns: [{ label: L.columns.feeAmount, key: 'amount', kind: 'money' }],
      rows: [{ label: L.rows.administrativeFees, key: 'administrativeFees' }],
    },
  ],
};

/** 表二 (主动公开政府信息情况) per version: its bands, one per article item, as data. */
export const TABLE2_TEMPLATES: Readonly<Record<FormVersion, FormTemplate>> = { '2019': TABLE2_2019, '2021': TABLE2_2021 };
