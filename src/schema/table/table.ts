import * as z from 'zod';
import type { InputLimits } from '../limits/limits.ts';
import { requiredText } from '../content/text.ts';
import { strictObject } from '../strictObject/strictObject.ts';
import { limitCheck, withMessage } from '../messages/messages.ts';
import { named } from '../jsonSchema/named.ts';

/**
 * A column header: a label, optionally with sub-columns. A plain string is a leaf.
 * Leaves, left to right, are the table's data columns; spans are computed from the tree.
 */
export type HeaderNode = string | { readonly label: string; readonly children?: readonly HeaderNode[] };

/** One value in a table: a number, short text, or `null` for a blank cell (not the same as 0). */
export type CellValue = number | string | null;

/**
 * A row header: a label with either sub-rows (`children`) or, at a leaf, one value per data column.
 */
export interface RowNode {
  /**
   * The row's label as printed in the row-header (stub) column(s). A table whose rows all leave
   * it out has no row-header column (表四 prints only its data row).
   */
  readonly label?: string;
  /** Sub-rows, printed to the right of this label, which spans them. */
  readonly children?: readonly RowNode[];
  /** The row's values, one per data column, at a leaf. */
  readonly values?: readonly CellValue[];
}

/** A band of a table: an optional full-width title row, its own column headers and rows. */
export interface TableBand {
  /** Full-width title row above the band's header (e.g. `第二十条第（一）项`). */
  readonly title?: string;
  /** Text of the corner cell above the row headers (e.g. `信息内容`). */
  readonly corner?: string;
  /** Column header tree. */
  readonly columns: readonly HeaderNode[];
  /** Row header tree with values at the leaves. */
  readonly rows: readonly RowNode[];
}

/**
 * A statistics table described as header trees. Either one band given inline
 * (`corner`, `columns`, `rows`) or several `bands` that share the table's column grid
 * (a band with fewer data columns widens its last column to fill the grid).
 */
export interface TableSpec {
  /** Caption printed above the table, kept on the same page as the table's first rows. */
  readonly caption?: string;
  /** Footnotes printed under the table (`注：…`). */
  readonly notes?: readonly string[];
  /** The table's bands, top to bottom (one band for an ordinary table). */
  readonly bands: readonly TableBand[];
  /**
   * Set by validation when the input used the one-band shorthand (`corner`, `columns`, `rows`
   * without `bands`): paths into that input have no `bands[0]`. Output only; never written.
   */
  readonly inline?: true;
}

/**
 * A table as a caller may write it: {@link TableSpec}, or one band given inline
 * (`{ caption?, notes?, corner?, columns, rows }`).
 */
export type TableInput = z.input<ReturnType<typeof createTableSchema>>;

/** Counts the leaves (data columns) of a column header tree. */
export function countLeafColumns(columns: readonly HeaderNode[]): number {
  let count = 0;
  for (const node of columns) {
    count += typeof node === 'string' || node.children === undefined ? 1 : countLeafColumns(node.children);
  }
  return count;
}

/** Lists the leaf labels of a column header tree, left to right, each with its ancestors (`法人或其他组织 › 商业企业`). */
export function leafColumnLabels(columns: readonly HeaderNode[], prefix = ''): string[] {
  const labels: string[] = [];
  for (const node of columns) {
    const label = typeof node === 'string' ? node : node.label;
    const full = prefix === '' ? label : `${prefix} › ${label}`;
    if (typeof node === 'string' || node.children === undefined) labels.push(full);
    else labels.push(...leafColumnLabels(node.children, full));
  }
  return labels;
}

function headerNodeSchema(limits: InputLimits, depth: number): z.ZodType<HeaderNode, HeaderNode> {
  const label = requiredText('label', limits.maxCellTextLength, 'maxCellTextLength');
  if (depth >= limits.maxHeaderDepth) {
    // One level too deep: a plain label is fine, anything with children names the limit.
    const tooDeep = z.custom<never>(() => false, withMessage({ code: 'limit', zh: `超出限制 maxHeaderDepth：表头最多 ${limits.maxHeaderDepth} 层`, en: `exceeds the limit maxHeaderDepth: at most ${limits.maxHeaderDepth} header levels`, expected: 'a plain label at this depth' }));
    return named(`ColumnHeaderLevel${depth}`, z.union([label, tooDeep]));
  }
  return named(depth === 1 ? 'ColumnHeader' : `ColumnHeaderLevel${depth}`, z.union([
    label,
    strictObject({
      label,
      children: z
        .array(headerNodeSchema(limits, depth + 1))
        .min(1)
        .max(limits.maxTableColumns, limitCheck('maxTableColumns', limits.maxTableColumns))
        .optional(),
    }),
  ]));
}

function cellSchema(limits: InputLimits): z.ZodType<CellValue, CellValue> {
  return z.union([z.number(), z.string().max(limits.maxCellTextLength, limitCheck('maxCellTextLength', limits.maxCellTextLength)), z.null()]);
}

function rowNodeSchema(limits: InputLimits, depth: number): z.ZodType<RowNode, RowNode> {
  const shape = {
    label: requiredText('label', limits.maxCellTextLength, 'maxCellTextLength').optional(),
    values: z.array(cellSchema(limits)).max(limits.maxTableColumns, limitCheck('maxTableColumns', limits.maxTableColumns)).optional(),
  };
  // One level too deep: `children` is still a known key, and its message names the limit.
  const tooDeep = z.custom<never>(() => false, withMessage({ code: 'limit', zh: `超出限制 maxHeaderDepth：行标题最多 ${limits.maxHeaderDepth} 层`, en: `exceeds the limit maxHeaderDepth: at most ${limits.maxHeaderDepth} levels of row headers`, expected: 'values at this depth, not children' }));
  const schema =
    depth >= limits.maxHeaderDepth
      ? strictObject({ ...shape, children: tooDeep.optional() })
      : strictObject({ ...shape, children: z.array(rowNodeSchema(limits, depth + 1)).min(1).optional() });
  // The two row rules below, as JSON Schema: exactly one of children / values; a label with children.
  const rowRules = { oneOf: [{ type: 'object', required: ['children'] }, { type: 'object', required: ['values'] }], dependentRequired: { children: ['label'] } };
  return named(depth === 1 ? 'Row' : `RowLevel${depth}`, schema.superRefine((row, ctx) => {
    const hasChildren = 'children' in row && row.children !== undefined;
    if (hasChildren === (row.values !== undefined)) {
      ctx.addIssue({ code: 'custom', params: { rule: 'row_children_or_values', label: row.label ?? '' } });
    }
    if (hasChildren && row.label === undefined) {
      ctx.addIssue({ code: 'custom', path: ['label'], params: { rule: 'row_label_required' } });
    }
  }).meta(rowRules));
}

function bandShape(limits: InputLimits) {
  return {
    corner: requiredText('label', limits.maxCellTextLength, 'maxCellTextLength').optional(),
    columns: z
      .array(headerNodeSchema(limits, 1))
      .min(1)
      .max(limits.maxTableColumns, limitCheck('maxTableColumns', limits.maxTableColumns)),
    // row_label_mixed as JSON Schema: every row has a label, or none has.
    rows: z
      .array(rowNodeSchema(limits, 1))
      .min(1)
      .meta({ anyOf: [{ type: 'array', items: { type: 'object', required: ['label'] } }, { type: 'array', items: { type: 'object', not: { required: ['label'] } } }] }),
  };
}

/** corner_without_row_labels as JSON Schema: a band with a corner cell has labelled rows. */
const CORNER_NEEDS_ROW_LABELS = { if: { type: 'object', required: ['corner'] }, then: { type: 'object', properties: { rows: { type: 'array', contains: { type: 'object', required: ['label'] } } } } };

/**
 * The zod schema of a generic statistics table, with the row/column agreement checks:
 * every leaf row has exactly one value per data column (the error names the row and the columns).
 *
 * @param limits Size limits.
 * @returns A schema whose output is a normalised {@link TableSpec} (always with `bands`).
 */
export function createTableSchema(limits: InputLimits) {
  const caption = requiredText('caption', limits.maxParagraphLength, 'maxParagraphLength').optional();
  const notes = z.array(requiredText('note', limits.maxParagraphLength, 'maxParagraphLength')).max(limits.maxBlocks, limitCheck('maxBlocks', limits.maxBlocks)).optional();
  // One set of column and row schemas for both forms, so each named definition exists once.
  const shape = bandShape(limits);
  const band = named('TableBand', strictObject({ title: requiredText('label', limits.maxCellTextLength, 'maxCellTextLength').optional(), ...shape }).meta(CORNER_NEEDS_ROW_LABELS));
  const single = named('SingleBandTable', strictObject({ caption, notes, ...shape }).meta(CORNER_NEEDS_ROW_LABELS));
  const banded = named('BandedTable', strictObject({ caption, notes, bands: z.array(band).min(1).max(limits.maxBlocks, limitCheck('maxBlocks', limits.maxBlocks)) }));
  return z
    .union([single, banded])
    .superRefine((input, ctx) => {
      const bands: readonly TableBand[] = 'bands' in input ? input.bands : [input];
      checkTableShape(bands, 'bands' in input, limits, ctx);
    })
    .transform((input): TableSpec => {
      if ('bands' in input) return stripUndefined({ caption: input.caption, notes: input.notes, bands: input.bands });
      const { caption: c, notes: n, ...only } = input;
      return { ...stripUndefined({ caption: c, notes: n, bands: [stripUndefined(only)] }), inline: true as const };
    });
}

function checkTableShape(bands: readonly TableBand[], banded: boolean, limits: InputLimits, ctx: z.RefinementCtx): void {
  let rowCount = 0;
  bands.forEach((band, bandIndex) => {
    const expected = countLeafColumns(band.columns);
    const labels = leafColumnLabels(band.columns);
    const prefix: (string | number)[] = banded ? ['bands', bandIndex] : [];
    if (expected > limits.maxTableColumns) {
      ctx.addIssue({ code: 'custom', path: [...prefix, 'columns'], params: { rule: 'limit', limit: 'maxTableColumns', max: limits.maxTableColumns, actual: expected } });
    }
    const visit = (rows: readonly RowNode[], path: (string | number)[]): void => {
      rows.forEach((row, index) => {
        const here = [...path, index];
        if (row.children !== undefined) return visit(row.children, [...here, 'children']);
        rowCount += 1;
        if (row.values !== undefined && row.values.length !== expected) {
          ctx.addIssue({
            code: 'custom',
            path: [...here, 'values'],
            params: { rule: 'row_value_count', label: row.label ?? '', expected, actual: row.values.length, columns: labels },
          });
        }
      });
    };
    visit(band.rows, [...prefix, 'rows']);
    const labelled = band.rows.filter((row) => row.label !== undefined).length;
    if (labelled !== 0 && labelled !== band.rows.length) {
      ctx.addIssue({ code: 'custom', path: [...prefix, 'rows'], params: { rule: 'row_label_mixed' } });
    }
    if (labelled === 0 && band.corner !== undefined) {
      ctx.addIssue({ code: 'custom', path: [...prefix, 'corner'], params: { rule: 'corner_without_row_labels' } });
    }
  });
  if (rowCount > limits.maxTableRows) {
    ctx.addIssue({ code: 'custom', path: [], params: { rule: 'limit', limit: 'maxTableRows', max: limits.maxTableRows, actual: rowCount } });
  }
}

/** Drops keys whose value is `undefined`, so normalised objects compare and serialise cleanly. */
export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
