import type { HeaderNode, RowNode, TableBand, TableSpec } from '../../schema/table/table.ts';
import { printFormCell, type FormCellValue } from '../formCell/formCell.ts';
import type { FormValueKeys } from '../resolvedReport/resolvedReport.ts';
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

/** An official table as a generic table, with the input key path of each value it prints. */
export interface FormTable {
  /** The generic table. */
  readonly table: TableSpec;
  /** Key paths under the form block's `data`: by band, body row, value. */
  readonly valueKeys: FormValueKeys;
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

/** Builds the row tree and, in print order, the key paths of each leaf row's values into `keys`. */
function rowNodes(rows: readonly FormRowTemplate[], path: readonly string[], columns: readonly ColumnLeaf[], read: FormCellReader, keys: (readonly string[])[][]): RowNode[] {
  return rows.map((row) => {
    const here = row.key === undefined ? path : [...path, row.key];
    const label = row.label === undefined ? {} : { label: row.label };
    if (row.children !== undefined) return { ...label, children: rowNodes(row.children, here, columns, read, keys) };
    keys.push(columns.map((c) => [...here, ...c.path]));
    return { ...label, values: columns.map((c) => printFormCell(read([...here, ...c.path]), c.kind)) };
  });
}

/**
 * Turns an official table's template and its values into a generic header-tree table with the
 * canonical labels, so it paginates, repeats its header and renders like any other table.
 * A template row without a label (表四) gives a row without a label: the table has no row-header column.
 *
 * @param template The table's template in the version in use.
 * @param read The value of each cell by its input path.
 * @param text Caption and footnotes.
 * @returns The generic table and the input key path of each of its values.
 */
export function toFormTable(template: FormTemplate, read: FormCellReader, text: FormTableText = {}): FormTable {
  const valueKeys: (readonly string[])[][][] = [];
  const bands = template.bands.map((band): TableBand => {
    const keys: (readonly string[])[][] = [];
    valueKeys.push(keys);
    return {
      ...(band.title === undefined ? {} : { title: band.title }),
      ...(band.corner === undefined ? {} : { corner: band.corner }),
      columns: headerNodes(band.columns),
      rows: rowNodes(band.rows, band.key === undefined ? [] : [band.key], columnLeaves(band.columns, []), read, keys),
    };
  });
  const table = {
    ...(text.caption === undefined ? {} : { caption: text.caption }),
    ...(text.notes === undefined ? {} : { notes: text.notes }),
    bands,
  };
  return { table, valueKeys };
}
