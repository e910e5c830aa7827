import type { FormVersion } from '../../schema/forms/forms.ts';

/** Where a table's form version came from, for messages. */
export type FormVersionSource = 'block' | 'report' | 'year';

/** The version a table is printed in and why; `version` is missing for years before any unified form. */
export interface FormVersionChoice {
  /** The version, or `undefined` when the year predates the unified forms and nothing was declared. */
  readonly version: FormVersion | undefined;
  /** Which setting decided it. */
  readonly source: FormVersionSource;
}

/**
 * The version of the form in force for a report year: 2019 format for 2019–2020 (国办公开办函〔2019〕60号),
 * 2021 format from 2021 on (〔2021〕30号); `undefined` for 2018 and earlier, which had no unified form.
 *
 * @param year The report year.
 * @returns The version, or `undefined`.
 */
export function formVersionForYear(year: number): FormVersion | undefined {
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return undefined;
}

/**
 * Chooses the version of one table: the block's `version`, else the report's `form`, else the
 * version in force in the report year.
 *
 * @param blockVersion The block's `version`, if any.
 * @param reportForm The report's `form`, if any.
 * @param year The report's `meta.year`.
 * @returns The version and its source.
 */
export function resolveFormVersion(blockVersion: FormVersion | undefined, reportForm: FormVersion | undefined, year: number): FormVersionChoice {
  if (blockVersion !== undefined) return { version: blockVersion, source: 'block' };
  if (reportForm !== undefined) return { version: reportForm, source: 'report' };
  return { version: formVersionForYear(year), source: 'year' };
}
