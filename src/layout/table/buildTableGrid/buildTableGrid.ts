import type { IssuePath } from '../../../issues/issue.ts';
import type { TableSource } from '../../../forms/resolvedReport/resolvedReport.ts';
import type { HeaderNode, RowNode, TableBand, TableSpec } from '../../../schema/table/table.ts';

/** What a cell is, which decides its face and alignment. */
export type GridCellKind = 'title' | 'corner' | 'column' | 'row' | 'value';

/** A cell of the table grid with its computed spans. Rows are counted within the head or the body of its band. */
export interface GridCell {
  /** Row index within the band's head or body. */
  readonly row: number;
  /** Column index in the whole table (row-header columns first). */
  readonly col: number;
  /** Rows covered. */
  readonly rowSpan: number;
  /** Columns covered. */
  readonly colSpan: number;
  /** Text as printed ('' for a blank). */
  readonly text: string;
  /** Role of the cell. */
  readonly kind: GridCellKind;
  /** JSON path of the cell's source, for messages. */
  readonly path: IssuePath;
  /** For body cells: the row label and column label, for messages about this cell. */
  readonly where?: string;
}

/** One band as a grid: head rows (title row and column headers) and body rows. */
export interface BandGrid {
  /** Number of head rows (title row included). */
  readonly headRows: number;
  /** Cells of the head. */
  readonly head: readonly GridCell[];
  /** Number of body rows. */
  readonly bodyRows: number;
  /** Cells of the body. */
  readonly body: readonly GridCell[];
}

/** A table as a grid of cells with spans, computed from its header trees. */
export interface TableGrid {
  /** Row-header (stub) columns: the depth of the deepest row tree. */
  readonly stubColumns: number;
  /** Data columns: the most leaves of any band's column tree. */
  readonly dataColumns: number;
  /** The bands, top to bottom. */
  readonly bands: readonly BandGrid[];
}

const labelOf = (node: HeaderNode): string => (typeof node === 'string' ? node : node.label);
const childrenOf = (node: HeaderNode): readonly HeaderNode[] | undefined => (typeof node === 'string' ? undefined : node.children);

function leafCount(nodes: readonly HeaderNode[]): number {
  return nodes.reduce((sum, node) => sum + (childrenOf(node) === undefined ? 1 : leafCount(childrenOf(node)!)), 0);
}

function headerDepth(nodes: readonly HeaderNode[]): number {
  return Math.max(...nodes.map((node) => 1 + (childrenOf(node) === undefined ? 0 : headerDepth(childrenOf(node)!))));
}

function rowDepth(rows: readonly RowNode[]): number {
  return Math.max(0, ...rows.map((row) => (row.label === undefined ? 0 : 1 + (row.children === undefined ? 0 : rowDepth(row.children)))));
}

/**
 * Computes every rowSpan and colSpan of a table from its header trees: a column header spans
 * its leaves, a leaf header spans down to the last header row; a row label spans the rows below
 * it, a leaf row label spans across the remaining row-header columns; the corner spans the
 * row-header columns and all header rows. A band with fewer data columns than the table widens
 * its last column. No caller writes spans.
 *
 * Each cell's path follows what the caller wrote: the one-band shorthand has no `bands[i]`; a
 * table made from an official form has our labels (reported at the block's `data`) and its
 * values at their keys under `data`.
 *
 * @param table The table.
 * @param source Where it came from.
 * @param path JSON path of the table, or of the form block it was made from (for messages).
 * @returns The grid.
 */
export function buildTableGrid(table: TableSpec, source: TableSource, path: IssuePath): TableGrid {
  const stubColumns = Math.max(0, ...table.bands.map((band) => rowDepth(band.rows)));
  const dataColumns = Math.max(...table.bands.map((band) => leafCount(band.columns)));
  const bands = table.bands.map((band, index) => {
    const grid = buildBand(band, stubColumns, dataColumns, source.kind === 'inline' ? path : [...path, 'bands', index]);
    return source.kind === 'form' ? withFormPaths(grid, [...path, 'data'], source.valueKeys[index] ?? []) : grid;
  });
  return { stubColumns, dataColumns, bands };
}

/** A form table's cells: labels are the template's (path: the block's `data`), values are at their keys under it. */
function withFormPaths(band: BandGrid, dataPath: IssuePath, valueKeys: readonly (readonly (readonly string[])[])[]): BandGrid {
  const valuePath = (cell: GridCell): IssuePath => {
    const index = cell.path.at(-1);
    const key = cell.kind === 'value' && typeof index === 'number' ? valueKeys[cell.row]?.[index] : undefined;
    return key === undefined ? dataPath : [...dataPath, ...key];
  };
  return { ...band, head: band.head.map((cell) => ({ ...cell, path: dataPath })), body: band.body.map((cell) => ({ ...cell, path: valuePath(cell) })) };
}

function buildBand(band: TableBand, stubColumns: number, dataColumns: number, path: IssuePath): BandGrid {
  const head: GridCell[] = [];
  let titleRows = 0;
  const totalColumns = stubColumns + dataColumns;
  if (band.title !== undefined) {
    head.push({ row: 0, col: 0, rowSpan: 1, colSpan: totalColumns, text: band.title, kind: 'title', path: [...path, 'title'] });
    titleRows = 1;
  }
  const depth = headerDepth(band.columns);
  if (stubColumns > 0) {
    head.push({ row: titleRows, col: 0, rowSpan: depth, colSpan: stubColumns, text: band.corner ?? '', kind: 'corner', path: [...path, 'corner'] });
  }
  const extra = dataColumns - leafCount(band.columns);
  const leafLabels: string[] = [];
  const placeHeaders = (nodes: readonly HeaderNode[], level: number, col: number, nodePath: IssuePath, isLastBranch: boolean): number => {
    nodes.forEach((node, index) => {
      const children = childrenOf(node);
      const last = isLastBranch && index === nodes.length - 1;
      const span = (children === undefined ? 1 : leafCount(children)) + (last ? extra : 0);
      const here = [...nodePath, index];
      head.push({
        row: titleRows + level,
        col,
        rowSpan: children === undefined ? depth - level : 1,
        colSpan: span,
        text: labelOf(node),
        kind: 'column',
        path: typeof node === 'string' ? here : [...here, 'label'],
      });
      if (children !== undefined) placeHeaders(children, level + 1, col, [...here, 'children'], last);
      else leafLabels.push(labelOf(node));
      col += span;
    });
    return col;
  };
  placeHeaders(band.columns, 0, stubColumns, [...path, 'columns'], true);

  const body: GridCell[] = [];
  let rowIndex = 0;
  const placeRows = (rows: readonly RowNode[], level: number, rowPath: IssuePath, labels: readonly string[]): void => {
    rows.forEach((row, index) => {
      const here = [...rowPath, index];
      const first = rowIndex;
      const rowLabels = row.label === undefined ? labels : [...labels, row.label];
      if (row.children !== undefined) {
        placeRows(row.children, level + 1, [...here, 'children'], rowLabels);
      } else {
        const values = row.values ?? [];
        let col = stubColumns;
        values.forEach((value, valueIndex) => {
          const span = valueIndex === values.length - 1 ? 1 + extra : 1;
          body.push({
            row: rowIndex,
            col,
            rowSpan: 1,
            colSpan: span,
            text: value === null ? '' : String(value),
            kind: 'value',
            path: [...here, 'values', valueIndex],
            where: `${rowLabels.join(' › ')} × ${leafLabels[valueIndex] ?? ''}`,
          });
          col += span;
        });
        rowIndex += 1;
      }
      if (row.label !== undefined) {
        const leaf = row.children === undefined;
        body.push({
          row: first,
          col: level,
          rowSpan: rowIndex - first,
          colSpan: leaf ? stubColumns - level : 1,
          text: row.label,
          kind: 'row',
          path: [...here, 'label'],
        });
      }
    });
  };
  placeRows(band.rows, 0, [...path, 'rows'], []);
  return { headRows: titleRows + depth, head, bodyRows: rowIndex, body };
}
