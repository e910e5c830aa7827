import { InvalidArgumentError } from '../../errors/errors.ts';
import { FORM_VERSIONS, type FormVersion } from '../../schema/forms/forms.ts';
import { listFormCells } from '../formTemplate/formTemplate.ts';
import { FORM_TEMPLATES } from '../formTemplates/formTemplates.ts';
import { OFFICIAL_SECTIONS } from '../officialSections/officialSections.ts';

/** A JSON value, as written to a skeleton file. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** The placeholder the official template puts where prose belongs (reported until replaced). */
export const PROSE_PLACEHOLDER = '（文字描述）';

function nullData(version: FormVersion, table: keyof typeof FORM_TEMPLATES): { [key: string]: JsonValue } {
  const data: { [key: string]: JsonValue } = {};
  for (const cell of listFormCells(FORM_TEMPLATES[table][version])) {
    let node = data;
    cell.path.slice(0, -1).forEach((key) => {
      node[key] ??= {};
      node = node[key] as { [key: string]: JsonValue };
    });
    node[cell.path[cell.path.length - 1] ?? ''] = null;
  }
  return data;
}

/**
 * A complete input skeleton for one year's report in one version of the form: the six official
 * sections, prose sections holding the template's `（文字描述）`, and the three tables with every
 * key of the form set to `null` (blank). It validates as it is; the placeholders, the `XXX` in
 * the title and issuer, and every blank cell are reported as warnings until filled in.
 *
 * @param version `2019` or `2021`.
 * @param year The report year.
 * @returns The skeleton, ready to be written as JSON.
 * @throws {InvalidArgumentError} When the version or year is out of range.
 */
export function createFormSkeleton(version: FormVersion, year: number): { readonly [key: string]: JsonValue } {
  if (!FORM_VERSIONS.includes(version)) {
    throw new InvalidArgumentError('version', { zh: `${FORM_VERSIONS.join(' 或 ')}`, en: `one of ${FORM_VERSIONS.join(', ')}` }, version);
  }
  if (!Number.isInteger(year) || year < 1990 || year > 2200) {
    throw new InvalidArgumentError('year', { zh: '1990 至 2200 之间的整数', en: 'an integer from 1990 to 2200' }, year);
  }
  return {
    meta: { title: `XXX${year}年政府信息公开工作年度报告`, issuer: 'XXX', year },
    form: version,
    sections: OFFICIAL_SECTIONS.map((section) => ({
      heading: section.heading,
      content: section.table === undefined ? [PROSE_PLACEHOLDER] : [{ form: section.table, data: nullData(version, section.table) }],
    })),
  };
}
