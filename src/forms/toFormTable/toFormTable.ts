import type { HeaderNode, RowNode, TableBand, TableSpec } from '../../schema/table/table.ts';
import { printFormCell, type FormCellValue } from '../formCell/formCell.ts';
import type { FormCellKind, FormColumnTemplate, FormRowTemplate, FormTemplate } from '../formTemplate/formTemplate.ts';

/** Where the values come from: the cell's input path → its value (blank is `null`). */
export type FormCellReader = (path: readonly string[]) => FormCellValue;

/** Caption and footnotes carried over from the form block. */
export interface FormTableText {
  /** Caption above the table. */
  readonly caption?: string;
  /** `注：` footnotes under the table. */
  readonly notes?: readonly string[];
}

interface ColumnLeaf {
  readonly path: readonly string[];
  readonly kind: FormCellKind;
}

function headerNodes(columns: readonly FormColumnTemplate[]): HeaderNode[] {
  return columns.map((c) => (c.children === undefined ? c.label : { label: c.label, children: headerNodes(c.children) }));
}

function columnLeaves(columns: readonly FormColumnTemplate[], path: readonly string[]): ColumnLeaf[] {
  return columns.flatMap((c) => {
    const here = c.key === undefined ? path : [...path, c.key];
    return c.children === undefined ? [{ path: here, kind: c.kind ?? 'count' }] : columnLeaves(c.children, here);
  });
}

/** For each data row a form table prints: the input key path (under the block's `data`) of each of its values. */
const valueKeys = new WeakMap<RowNode, readonly (readonly string[])[]>();

function rowNodes(rows: readonly FormRowTemplate[], path: readonly string[], columns: readonly ColumnLeaf[], read: FormCellReader): RowNode[] {
  return rows.map((row) => {
    const here = row.key === undefined ? path : [...path, row.key];
    const label = row.label === undefined ? {} : { label: row.label };
    if (row.children !== undefined) return { ...label, children: rowNodes(row.children, here, columns, read) };
    const node: RowNode = { ...label, values: columns.map((c) => printFormCell(read([...here, ...c.path]), c.kind)) };
    valueKeys.set(node, columns.map((c) => [...here, ...c.path]));
    return node;
  });
}

/**
 * The input key path (under the form block's `data`, e.g. `['total', 'naturalPerson']`) of a value
 * in a table made by {@link toFormTable}, from its path inside the table
 * (`['bands', 0, 'rows', 2, 'children', 1, 'values', 3]`), so messages about that value point at
 * what the caller wrote.
 *
 * @param table A table made by {@link toFormTable}.
 * @param path The value's path inside the table.
 * @returns The key path, or `undefined` for anything that is not a value of such a table.
 */
export function formValueKey(table: TableSpec, path: readonly (string | number)[]): readonly string[] | undefined {
  if (path[0] !== 'bands' || typeof path[1] !== 'number') return undefined;
  let rows: readonly RowNode[] | undefined = table.bands[path[1]]?.rows;
  let node: RowNode | undefined;
  for (let i = 2; i + 1 < path.length; i += 2) {
    const key = path[i];
    const index = path[i + 1];
    if (typeof index !== 'number') return undefined;
    if (key === 'values') return node === undefined ? undefined : valueKeys.get(node)?.[index];
    if (key !== 'rows' && key !== 'children') return undefined;
    node = rows?.[index];
    rows = node?.children;
  }
  return undefined;
}

/**
 * Turns an official table's template and its values into a generic header-tree table with the
 * canonical labels, so it paginates, repeats its header and renders like any other table.
 * A template row without a label (表四) gives a row without a label: the table has no row-header column.
 *
 * @param template The table's template in the version in use.
 * @param read The value of each cell by its input path.
 * @param text Caption and footnotes.
 * @returns The generic table.
 */
export function toFormTable(template: FormTemplate, read: FormCellReader, text: FormTableText = {}): TableSpec {
  const bands = template.bands.map((band): TableBand => ({
    ...(band.title === undefined ? {} : { title: band.title }),
    ...(band.corner === undefined ? {} : { corner: band.corner }),
    columns: headerNodes(band.columns),
    rows: rowNodes(band.rows, band.key === undefined ? [] : [band.key], columnLeaves(band.columns, []), read),
  }));
  return {
    ...(text.caption === undefined ? {} : { caption: text.caption }),
    ...(text.notes === undefined ? {} : { notes: text.notes }),
    bands,
  };
}
