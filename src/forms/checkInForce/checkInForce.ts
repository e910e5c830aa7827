import { createIssue } from '../../issues/createIssue.ts';
import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import { countOf } from '../formCell/formCell.ts';
import { cellKey, listFormCells, type FormTemplate } from '../formTemplate/formTemplate.ts';
import type { FormGrid } from '../checkFormRules/checkFormRules.ts';

/** Last year's 表二 现行有效件数 by row (`rules` 规章, `normativeDocuments` 行政规范性文件); blank or absent rows are not checked. */
export type InForceRow = Readonly<Partial<Record<'rules' | 'normativeDocuments', number | null>>>;

/**
 * Checks across years for a 2021-form 表二 (第二十条第（一）项): this year's 现行有效件数 must equal
 * last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数, row by row. Rows blank last year
 * are skipped; blanks this year count as 0.
 *
 * @param template This year's 表二 template (2021 form).
 * @param grid This year's 表二 values.
 * @param previous Last year's 现行有效件数 by row.
 * @param prefix Path from the report's root to the block's `data`.
 * @returns One warning per row that differs, with the numbers.
 */
export function checkInForce(template: FormTemplate, grid: FormGrid, previous: InForceRow, prefix: IssuePath): ReportIssue[] {
  return listFormCells(template)
    .filter((cell) => cell.rowPath[0] === 'documents' && cell.columnPath[0] === 'inForce')
    .flatMap((cell) => {
      const last = previous[cell.rowPath[1] as keyof InForceRow];
      if (last === undefined || last === null) return [];
      const value = (column: string) => countOf(grid.get(cellKey([...cell.rowPath, column])) ?? null);
      const issued = value('issued') ?? 0;
      const repealed = value('repealed') ?? 0;
      const given = value('inForce');
      const expected = last + issued - repealed;
      if ((given ?? 0) === expected) return [];
      return [
        createIssue(
          'in_force_mismatch',
          'warning',
          [...prefix, ...cell.path],
          {
            zh: `${template.name} · ${cell.row} × ${cell.column}：填报 ${given ?? '空白'}，应为 ${expected} = 上年现行有效 ${last} + 本年制发 ${issued} − 本年废止 ${repealed}`,
            en: `${template.name} · ${cell.row} × ${cell.column}: given ${given ?? 'blank'}, expected ${expected} = last year's in force ${last} + issued ${issued} − repealed ${repealed}`,
          },
          String(expected),
        ),
      ];
    });
}
