import { InvalidArgumentError } from '../../errors/errors.ts';
import type { Block } from '../../schema/content/content.ts';
import { DEFAULT_LIMITS } from '../../schema/limits/limits.ts';
import type { RowNode } from '../../schema/table/table.ts';
import { createTable2DataSchema } from '../../schema/forms/table2Data/table2Data.ts';
import { createTable3DataSchema, TABLE3_COLUMN_LABELS, type Table3Column } from '../../schema/forms/table3Data/table3Data.ts';
import type { Report } from '../../schema/report/report.ts';
import { validateReport } from '../../schema/validateReport/validateReport.ts';
import { countOf, readFormCell } from '../formCell/formCell.ts';
import type { InForceRow } from '../checkInForce/checkInForce.ts';
import { resolveFormVersion } from '../resolveFormVersion/resolveFormVersion.ts';
import { walkBlocks } from '../walkBlocks/walkBlocks.ts';

/** Last year's 表三 row 四、结转下年度继续办理: a count (or blank) per applicant column. */
export type CarriedForwardRow = Readonly<Partial<Record<Table3Column, number | null>>>;

const COLUMNS = Object.keys(TABLE3_COLUMN_LABELS) as Table3Column[];
const EXPECTED = {
  zh: '上一年度的报告，或其表三“四、结转下年度继续办理”一行（如 { "naturalPerson": 0, …, "total": 0 }），或其表三、表二的 data',
  en: 'last year\'s report, or its 表三 row 四、结转下年度继续办理 (e.g. { "naturalPerson": 0, …, "total": 0 }), or its 表三 or 表二 data',
};

function fail(value: unknown): never {
  throw new InvalidArgumentError('options.previousYear', EXPECTED, value);
}

function fromRow(row: unknown): CarriedForwardRow {
  return Object.fromEntries(COLUMNS.map((c) => [c, countOf(readFormCell(row, [c]))]));
}

function fromGenericRow(rows: readonly RowNode[]): CarriedForwardRow | undefined {
  for (const row of rows) {
    if (row.children !== undefined) {
      const found = fromGenericRow(row.children);
      if (found !== undefined) return found;
    } else if ((row.label ?? '').includes('结转下年度') && row.values?.length === COLUMNS.length) {
      const values = row.values.map((v) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/u.test(v.trim()) ? Number(v) : null));
      return Object.fromEntries(COLUMNS.map((c, i) => [c, values[i] ?? null]));
    }
  }
  return undefined;
}

function fromBlock(block: Block): CarriedForwardRow | undefined {
  if (typeof block !== 'object') return undefined;
  if ('form' in block && block.form === 'table3') return fromRow(block.data.carriedForward);
  if ('table' in block) {
    for (const band of block.table.bands) {
      const found = fromGenericRow(band.rows);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** What the `previousYear` option gives the cross-year checks. */
export interface PreviousYear {
  /** Last year's 表三 row 四、结转下年度继续办理, for this year's 二、上年结转. */
  readonly carriedForward?: CarriedForwardRow;
  /** Last year's 2021-form 表二 现行有效件数, for this year's 现行有效件数. */
  readonly inForce?: InForceRow;
}

function inForceOf(data: unknown): InForceRow {
  return {
    rules: countOf(readFormCell(data, ['documents', 'rules', 'inForce'])),
    normativeDocuments: countOf(readFormCell(data, ['documents', 'normativeDocuments', 'inForce'])),
  };
}

function fromReport(report: Report): PreviousYear {
  let carriedForward: CarriedForwardRow | undefined;
  let inForce: InForceRow | undefined;
  walkBlocks(report, (block) => {
    carriedForward ??= fromBlock(block);
    if (inForce === undefined && typeof block === 'object' && 'form' in block && block.form === 'table2') {
      // Only the 2021 form has 现行有效件数; a 2019 表二 gives nothing to check against.
      if (resolveFormVersion(block.version, report.form, report.meta.year).version === '2021') inForce = inForceOf(block.data);
    }
  });
  return { ...(carriedForward === undefined ? {} : { carriedForward }), ...(inForce === undefined ? {} : { inForce }) };
}

/**
 * Reads what the cross-year checks need from the `previousYear` option: last year's report (its
 * first 表三 form block, or else the generic table row labelled …结转下年度…, and its first 表二
 * form block of the 2021 form), last year's 表三 `data` or 表二 `data`, or the 表三 row itself keyed
 * by applicant column.
 *
 * @param previousYear The `previousYear` option, untrusted.
 * @param year This report's `meta.year`: a report passed as `previousYear` must be of the year before.
 * @returns What was found, or `undefined` when nothing was passed.
 * @throws {InvalidArgumentError} When the value is none of these, fails validation, holds neither
 *   表三 nor a 2021 表二, or is a report of another year than `year − 1`.
 */
export function readPreviousYear(previousYear: unknown, year?: number): PreviousYear | undefined {
  if (previousYear === undefined) return undefined;
  if (previousYear === null || typeof previousYear !== 'object' || Array.isArray(previousYear)) fail(previousYear);
  if ('sections' in previousYear || 'meta' in previousYear) {
    const result = validateReport(previousYear);
    if (!result.ok) fail(previousYear);
    const given = result.report.meta.year;
    if (year !== undefined && given !== year - 1) {
      // Comparing with the wrong year's figures gives wrong warnings, not a useful check.
      throw new InvalidArgumentError(
        'options.previousYear',
        { zh: `上一年度（${year - 1} 年度）的报告，本报告为 ${year} 年度`, en: `last year's report (year ${year - 1}; this report is of ${year})` },
        `a report of year ${given}`,
      );
    }
    const found = fromReport(result.report);
    return found.carriedForward === undefined && found.inForce === undefined ? fail(previousYear) : found;
  }
  if ('documents' in previousYear) {
    const data = createTable2DataSchema(DEFAULT_LIMITS).safeParse(previousYear);
    return data.success ? { inForce: inForceOf(data.data) } : fail(previousYear);
  }
  const table3 = createTable3DataSchema(DEFAULT_LIMITS);
  if ('carriedForward' in previousYear) {
    const data = table3.safeParse(previousYear);
    return data.success ? { carriedForward: fromRow(data.data.carriedForward) } : fail(previousYear);
  }
  const row = table3.shape.carriedForward.safeParse(previousYear);
  return row.success ? { carriedForward: fromRow(row.data) } : fail(previousYear);
}

/**
 * Reads last year's carried-forward row (表三 四、结转下年度继续办理) from what the caller passed:
 * last year's report (its first 表三 form block, or else the generic table row labelled
 * …结转下年度…), last year's 表三 `data`, or the row itself keyed by applicant column.
 *
 * @param previousYear The `previousYear` option, untrusted.
 * @param year This report's year: a whole report passed as `previousYear` must be of the year before.
 * @returns The row, or `undefined` when nothing was passed.
 * @throws {InvalidArgumentError} When the value is none of these, fails validation, or is a report of another year.
 */
export function readCarriedForward(previousYear: unknown, year?: number): CarriedForwardRow | undefined {
  if (previousYear === undefined) return undefined;
  return readPreviousYear(previousYear, year)?.carriedForward ?? fail(previousYear);
}
