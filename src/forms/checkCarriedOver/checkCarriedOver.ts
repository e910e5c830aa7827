import { createIssue } from '../../issues/createIssue.ts';
import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import { countOf } from '../formCell/formCell.ts';
import { cellKey, listFormCells, type FormTemplate } from '../formTemplate/formTemplate.ts';
import type { FormGrid } from '../checkFormRules/checkFormRules.ts';
import type { CarriedForwardRow } from '../readCarriedForward/readCarriedForward.ts';

/**
 * Checks across years: this year's 表三 二、上年结转 must equal last year's 四、结转下年度继续办理,
 * column by column. Columns blank last year are skipped; blanks this year count as 0.
 *
 * @param template This year's 表三 template.
 * @param grid This year's 表三 values (after filling totals).
 * @param previous Last year's carried-forward row.
 * @param prefix Path from the report's root to the block's `data`.
 * @returns One warning per column that differs.
 */
export function checkCarriedOver(template: FormTemplate, grid: FormGrid, previous: CarriedForwardRow, prefix: IssuePath): ReportIssue[] {
  return listFormCells(template)
    .filter((cell) => cell.rowPath[0] === 'carriedOver')
    .flatMap((cell) => {
      const expected = previous[cell.columnPath[0] as keyof CarriedForwardRow];
      const given = countOf(grid.get(cellKey(cell.path)) ?? null);
      if (expected === undefined || expected === null || (given ?? 0) === expected) return [];
      return [
        createIssue(
          'carried_over_mismatch',
          'warning',
          [...prefix, ...cell.path],
          {
            zh: `${template.name} · ${cell.row} × ${cell.column}：填报 ${given ?? '空白'}，应为 ${expected} = 上年 四、结转下年度继续办理 ${expected}`,
            en: `${template.name} · ${cell.row} × ${cell.column}: given ${given ?? 'blank'}, expected ${expected} = last year's 四、结转下年度继续办理 ${expected}`,
          },
          String(expected),
        ),
      ];
    });
}
