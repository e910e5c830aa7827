import type { CellValue } from '../../schema/table/table.ts';
import type { AnnotatedCount } from '../../schema/forms/formValues/formValues.ts';
import type { FormCellKind } from '../formTemplate/formTemplate.ts';

/** A value of a form cell as given: a count, an annotated count, money text, or blank (`null`). */
export type FormCellValue = number | AnnotatedCount | string | null;

/**
 * Reads the value at a path of keyed form data; anything missing is a blank (`null`).
 *
 * @param data The block's `data` object.
 * @param path Keys from `data` to the cell.
 * @returns The value, or `null` for a blank.
 */
export function readFormCell(data: unknown, path: readonly string[]): FormCellValue {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'number') {
    return value as AnnotatedCount;
  }
  return null;
}

/**
 * The number a cell contributes to a sum: its count, the count of an annotated cell, or `null`
 * for a blank (which the rules count as 0 and report once).
 *
 * @param value The cell's value.
 * @returns The count, or `null` for a blank or a non-count.
 */
export function countOf(value: FormCellValue): number | null {
  if (typeof value === 'number') return value;
  if (value !== null && typeof value === 'object') return value.value;
  return null;
}

/**
 * Prints a form cell as a generic table value: counts as numbers; annotated counts as
 * `55（含自然失效29件）`; 本年增/减 with its sign (`+3`, `-18`, `0`); money exactly as given; blanks blank.
 *
 * @param value The cell's value.
 * @param kind What the column holds.
 * @returns The value for a {@link CellValue} table.
 */
export function printFormCell(value: FormCellValue, kind: FormCellKind): CellValue {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'object') {
    const note = value.note.trim();
    return /^[（(].*[）)]$/u.test(note) ? `${value.value}${note}` : `${value.value}（${note}）`;
  }
  if (kind === 'change') return value > 0 ? `+${value}` : String(value);
  return value;
}
