import type * as z from 'zod';
import type { InputLimits } from '../../limits/limits.ts';
import { strictObject } from '../../strictObject/strictObject.ts';
import { createFormValueSchemas } from '../formValues/formValues.ts';

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
    newlyMade: count.describe('本年新制作数量（2019 版）'),
    newlyPublished: count.describe('本年新公开数量（2019 版）'),
    totalPublished: count.describe('对外公开总数量（2019 版）'),
    issued: count.describe('本年制发件数（2021 版）'),
    repealed: count.describe('本年废止件数（2021 版）'),
    inForce: count.describe('现行有效件数（2021 版）'),
  });
  const decisionsObject = strictObject({
    previousYear: count.describe('上一年项目数量（2019 版）'),
    change: change.describe('本年增/减（2019 版），带符号整数'),
    decisions: count.describe('处理决定数量（2019 版）/ 本年处理决定数量（2021 版）'),
  });
  const documentsRow = (label: string) => documentsObject.optional().describe(label);
  const decisionsRow = (label: string) => decisionsObject.optional().describe(label);
  return strictObject({
    documents: strictObject({
      rules: documentsRow('规章'),
      normativeDocuments: documentsRow('规范性文件（2019 版）/ 行政规范性文件（2021 版）'),
    })
      .optional()
      .describe('第二十条第（一）项：规章和规范性文件'),
    licensing: strictObject({
      administrativeLicensing: decisionsRow('行政许可'),
      otherExternalServices: decisionsRow('其他对外管理服务事项（2019 版）'),
    })
      .optional()
      .describe('第二十条第（五）项：行政许可'),
    enforcement: strictObject({
      administrativePenalty: decisionsRow('行政处罚'),
      administrativeCoercion: decisionsRow('行政强制'),
    })
      .optional()
      .describe('第二十条第（六）项：行政处罚、行政强制'),
    fees: strictObject({
      administrativeFees: strictObject({
        previousYear: count.describe('上一年项目数量（2019 版）'),
        change: change.describe('本年增/减（2019 版），带符号整数'),
        amount: money.describe('本年收费金额（单位：万元）（2021 版），十进制字符串'),
      })
        .optional()
        .describe('行政事业性收费'),
    })
      .optional()
      .describe('第二十条第（八）项：行政事业性收费'),
    procurement: strictObject({
      centralizedProcurement: strictObject({
        projects: count.describe('采购项目数量'),
        amount: money.describe('采购总金额，十进制字符串'),
      })
        .optional()
        .describe('政府集中采购'),
    })
      .optional()
      .describe('第二十条第（九）项：政府集中采购（2019 版）'),
  }).describe('表二 主动公开政府信息情况：栏目 → 行 → 列 / 表二 proactive disclosure: block → row → column');
}

/** The keyed data of 表二 as validated (both versions' keys; see {@link createTable2DataSchema}). */
export type Table2Data = z.output<ReturnType<typeof createTable2DataSchema>>;
