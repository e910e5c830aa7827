import type { FormTableId, FormVersion } from '../../schema/forms/forms.ts';

/** What a form cell holds: a count, a signed 本年增/减, or money printed as given. */
export type FormCellKind = 'count' | 'change' | 'money';

/** A column of an official table as data: its printed label, its key in the input, its sub-columns. */
export interface FormColumnTemplate {
  /** The canonical label, printed whatever the input says. */
  readonly label: string;
  /** The key of this column (or group of columns) in the keyed input; a group without a key adds nothing to the path. */
  readonly key?: string;
  /** What the column's cells hold (leaves; default `count`). */
  readonly kind?: FormCellKind;
  /** Sub-columns. */
  readonly children?: readonly FormColumnTemplate[];
}

/** A row of an official table as data: label, key, and the short name used in sums (`（一）`). */
export interface FormRowTemplate {
  /** The canonical label, printed whatever the input says; left out when the table has no row header (表四). */
  readonly label?: string;
  /** The key of this row (or group of rows) in the keyed input; a group without a key adds nothing to the path. */
  readonly key?: string;
  /** Short name used when the row is a part of a sum, e.g. `（三）①`; defaults to the label. */
  readonly short?: string;
  /** Sub-rows. */
  readonly children?: readonly FormRowTemplate[];
}

/** A band of an official table: full-width title, corner cell, column tree, row tree. */
export interface FormBandTemplate {
  /** Full-width title row, e.g. `第二十条第（一）项`. */
  readonly title?: string;
  /** Corner cell text, e.g. `信息内容`. */
  readonly corner?: string;
  /** The band's key in the keyed input (表二 blocks), if any. */
  readonly key?: string;
  /** Column tree. */
  readonly columns: readonly FormColumnTemplate[];
  /** Row tree; rows without labels mean the table has no row-header column (表四). */
  readonly rows: readonly FormRowTemplate[];
}

/** The canonical structure of one official table in one version. */
export interface FormTemplate {
  /** Which table. */
  readonly id: FormTableId;
  /** Which version of the form. */
  readonly version: FormVersion;
  /** The table's name in messages, e.g. `表三`. */
  readonly name: string;
  /** Its bands, top to bottom (one for 表三 and 表四). */
  readonly bands: readonly FormBandTemplate[];
}

/** One data cell of a template: where its value is in the input and how it is named in messages. */
export interface FormCellRef {
  /** Keys from `data` to the value, e.g. `['withheld', 'stateSecret', 'naturalPerson']`. */
  readonly path: readonly string[];
  /** What the cell holds. */
  readonly kind: FormCellKind;
  /** Keys of the cell's row (band key and row keys), e.g. `['withheld', 'stateSecret']`. */
  readonly rowPath: readonly string[];
  /** Keys of the cell's column, e.g. `['naturalPerson']`. */
  readonly columnPath: readonly string[];
  /** The row as printed, from its outermost keyed group: `（三）不予公开 › 1.属于国家秘密`; `''` without a row header. */
  readonly row: string;
  /** The row's short name in sums: `（三）①`. */
  readonly rowShort: string;
  /** The column as printed, from its outermost keyed group: `行政复议 › 总计`. */
  readonly column: string;
  /** The column's short name in sums: its own label. */
  readonly columnShort: string;
}

interface Leaf {
  readonly path: readonly string[];
  readonly names: readonly string[];
  readonly short: string;
  readonly kind: FormCellKind;
}

function leaves(nodes: readonly (FormColumnTemplate | FormRowTemplate)[], path: readonly string[], names: readonly string[]): Leaf[] {
  return nodes.flatMap((node): Leaf[] => {
    const here = node.key === undefined ? path : [...path, node.key];
    const label = node.label ?? '';
    const named = node.key === undefined ? names : [...names, label];
    if (node.children !== undefined) return leaves(node.children, here, named);
    const own = node.key === undefined ? [...named, label] : named;
    const short = 'short' in node && node.short !== undefined ? node.short : label;
    const kind = 'kind' in node && node.kind !== undefined ? node.kind : 'count';
    return [{ path: here, names: own.filter((n) => n !== ''), short, kind }];
  });
}

/**
 * Lists every data cell of a template, band by band, row by row, column by column, with its
 * input path and its names for messages.
 *
 * @param template The table's template.
 * @returns The cells in printing order.
 */
export function listFormCells(template: FormTemplate): FormCellRef[] {
  return template.bands.flatMap((band) => {
    const bandPath = band.key === undefined ? [] : [band.key];
    const columns = leaves(band.columns, [], []);
    return leaves(band.rows, bandPath, []).flatMap((row) =>
      columns.map((column) => ({
        path: [...row.path, ...column.path],
        kind: column.kind,
        rowPath: row.path,
        columnPath: column.path,
        row: row.names.join(' › '),
        rowShort: row.short,
        column: column.names.join(' › '),
        columnShort: column.short,
      })),
    );
  });
}

/**
 * The key under which a cell is kept in a grid of values (`withheld.stateSecret.naturalPerson`).
 *
 * @param path The cell's input path.
 * @returns The path joined with dots.
 */
export function cellKey(path: readonly string[]): string {
  return path.join('.');
}
