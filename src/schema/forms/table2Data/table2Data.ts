import type * as z from 'zod';
import type { InputLimits } from '../../limits/limits.ts';
import { strictObject } from '../../strictObject/strictObject.ts';
import { TABLE2_LABELS } from '../formLabels/formLabels.ts';
import { createFormValueSchemas } from '../formValues/formValues.ts';

const L = TABLE2_LABELS;

/**
 * The keyed data of 表二 (主动公开政府信息情况): block → row → column. Blocks are named by what
 * they list, not by article number: `documents` (第二十条第（一）项), `licensing` (（五）),
 * `enforcement` (（六）), `fees` (（八）), `procurement` (（九）, 2019 only). The keys of both
 * versions are accepted here (the descriptions say which version a key belongs to);
 * `resolveForms` reports keys of the version not in use as errors with their paths.
 *
 * @param limits Size limits.
 * @returns The zod schema of `data` in `{ "form": "table2", "data": … }`.
 */
export function createTable2DataSchema(limits: InputLimits) {
  const { count, money, change } = createFormValueSchemas(limits);
  const documentsObject = strictObject({
    newlyMade: count.describe(`${L.columns.newlyMade}（2019 版）`),
    newlyPublished: count.describe(`${L.columns.newlyPublished}（2019 版）`),
    totalPublished: count.describe(`${L.columns.totalPublished}（2019 版）`),
    issued: count.describe(`${L.columns.issued}（2021 版）`),
    repealed: count.describe(`${L.columns.repealed}（2021 版）`),
    inForce: count.describe(`${L.columns.inForce}（2021 版）`),
  });
  const decisionsObject = strictObject({
    previousYear: count.describe(`${L.columns.previousYear}（2019 版）`),
    change: change.describe(`${L.columns.change}（2019 版），带符号整数`),
    decisions: count.describe(`${L.columns.decisions['2019']}（2019 版）/ ${L.columns.decisions['2021']}（2021 版）`),
  });
  const documentsRow = (label: string) => documentsObject.optional().describe(label);
  const decisionsRow = (label: string) => decisionsObject.optional().describe(label);
  return strictObject({
    documents: strictObject({
      rules: documentsRow(L.rows.rules),
      normativeDocuments: documentsRow(`${L.rows.normativeDocuments['2019']}（2019 版）/ ${L.rows.normativeDocuments['2021']}（2021 版）`),
    })
      .optional()
      .describe(`${L.bands.documents}：规章和规范性文件`),
    licensing: strictObject({
      administrativeLicensing: decisionsRow(L.rows.administrativeLicensing),
      otherExternalServices: decisionsRow(`${L.rows.otherExternalServices}（2019 版）`),
    })
      .optional()
      .describe(`${L.bands.licensing}：${L.rows.administrativeLicensing}`),
    enforcement: strictObject({
      administrativePenalty: decisionsRow(L.rows.administrativePenalty),
      administrativeCoercion: decisionsRow(L.rows.administrativeCoercion),
    })
      .optional()
      .describe(`${L.bands.enforcement}：${L.rows.administrativePenalty}、${L.rows.administrativeCoercion}`),
    fees: strictObject({
      administrativeFees: strictObject({
        previousYear: count.describe(`${L.columns.previousYear}（2019 版）`),
        change: change.describe(`${L.columns.change}（2019 版），带符号整数`),
        amount: money.describe(`${L.columns.feeAmount}（2021 版），十进制字符串`),
      })
        .optional()
        .describe(L.rows.administrativeFees),
    })
      .optional()
      .describe(`${L.bands.fees}：${L.rows.administrativeFees}`),
    procurement: strictObject({
      centralizedProcurement: strictObject({
        projects: count.describe(L.columns.projects),
        amount: money.describe(`${L.columns.procurementAmount}，十进制字符串`),
      })
        .optional()
        .describe(L.rows.centralizedProcurement),
    })
      .optional()
      .describe(`${L.bands.procurement}：${L.rows.centralizedProcurement}（2019 版）`),
  }).describe('表二 主动公开政府信息情况：栏目 → 行 → 列 / 表二 proactive disclosure: block → row → column');
}

/** The keyed data of 表二 as validated (both versions' keys; see {@link createTable2DataSchema}). */
export type Table2Data = z.output<ReturnType<typeof createTable2DataSchema>>;
