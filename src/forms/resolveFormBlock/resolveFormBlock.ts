import { createIssue } from '../../issues/createIssue.ts';
import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import type { FormBlock, FormVersion } from '../../schema/forms/forms.ts';
import { checkCarriedOver } from '../checkCarriedOver/checkCarriedOver.ts';
import { checkInForce, type InForceRow } from '../checkInForce/checkInForce.ts';
import { checkFormKeys } from '../checkFormKeys/checkFormKeys.ts';
import { checkFormRules } from '../checkFormRules/checkFormRules.ts';
import { readFormCell } from '../formCell/formCell.ts';
import { formRules } from '../formRules/formRules.ts';
import { cellKey, listFormCells } from '../formTemplate/formTemplate.ts';
import { FORM_TEMPLATES } from '../formTemplates/formTemplates.ts';
import type { CarriedForwardRow } from '../readCarriedForward/readCarriedForward.ts';
import type { ResolvedTableBlock } from '../resolvedReport/resolvedReport.ts';
import { resolveFormVersion } from '../resolveFormVersion/resolveFormVersion.ts';
import { toFormTable } from '../toFormTable/toFormTable.ts';

/** What a form block needs to know about its report and the caller's options. */
export interface FormBlockContext {
  /** The report's `form`, if declared. */
  readonly reportForm?: FormVersion;
  /** The report's `meta.year`. */
  readonly year: number;
  /** Fill blank totals with their sums. */
  readonly fillTotals?: boolean;
  /** Last year's carried-forward row, for the cross-year check of 表三. */
  readonly previous?: CarriedForwardRow;
  /** Last year's 表二 现行有效件数, for the cross-year check of a 2021-form 表二. */
  readonly previousInForce?: InForceRow;
}

/** A form block turned into a generic table, with the problems found on the way. */
export interface ResolvedFormBlock {
  /** The generic table, with canonical labels, caption and footnotes, and its source (the form and its value key paths). */
  readonly block: ResolvedTableBlock;
  /** Version, key, arithmetic, blank and cross-year problems, with paths from the report's root. */
  readonly issues: ReportIssue[];
}

function unknownVersion(path: IssuePath, year: number): ReportIssue {
  return createIssue('form_version_unknown', 'error', path, {
    zh: `${year} 年度没有统一的年报表格格式（统一格式自 2019 年度起，国办公开办函〔2019〕60号）；请为本表写明 "version"（"2019" 或 "2021"），或为报告写明 "form"`,
    en: `there was no unified form for ${year} (the unified forms start with the 2019 reports); set "version" ("2019" or "2021") on this table or "form" on the report`,
  }, 'one of 2019, 2021');
}

/**
 * Turns one form block into a generic table: chooses its version (block `version`, report `form`,
 * or the report year), reports keys of the other version, fills and checks the arithmetic, checks
 * 表三's carried-over row and a 2021 表二's 现行有效件数 against last year, and prints every label canonically.
 *
 * @param block The validated form block.
 * @param path The block's path from the report's root.
 * @param context The report's form and year and the caller's options.
 * @returns The table block and the issues.
 */
export function resolveFormBlock(block: FormBlock, path: IssuePath, context: FormBlockContext): ResolvedFormBlock {
  const issues: ReportIssue[] = [];
  const choice = resolveFormVersion(block.version, context.reportForm, context.year);
  if (choice.version === undefined) issues.push(unknownVersion(path, context.year));
  const version = choice.version ?? '2019';
  const templates = FORM_TEMPLATES[block.form];
  const template = templates[version];
  const other = templates[version === '2019' ? '2021' : '2019'];
  const dataPath = [...path, 'data'];
  if (choice.version !== undefined) issues.push(...checkFormKeys(template, other, block.data, dataPath, choice));
  const given = new Map(listFormCells(template).map((cell) => [cellKey(cell.path), readFormCell(block.data, cell.path)]));
  const checked = checkFormRules(template, formRules(template), given, dataPath, { fillTotals: context.fillTotals === true });
  issues.push(...checked.issues);
  if (block.form === 'table3' && context.previous !== undefined) {
    issues.push(...checkCarriedOver(template, checked.grid, context.previous, dataPath));
  }
  if (block.form === 'table2' && version === '2021' && context.previousInForce !== undefined) {
    issues.push(...checkInForce(template, checked.grid, context.previousInForce, dataPath));
  }
  const { table, valueKeys } = toFormTable(template, (cell) => checked.grid.get(cellKey(cell)) ?? null, {
    ...(block.caption === undefined ? {} : { caption: block.caption }),
    ...(block.notes === undefined ? {} : { notes: block.notes }),
  });
  return { block: { table, source: { kind: 'form', form: block.form, valueKeys } }, issues };
}
