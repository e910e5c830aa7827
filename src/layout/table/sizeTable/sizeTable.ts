import { breakLines, type SetLine } from '../../../text/breakLines/breakLines.ts';
import { breakOpportunities } from '../../../text/breakLines/breakOpportunities.ts';
import type { FaceKey, TextMeasurer } from '../../../text/measure/measure.ts';
import { splitAnnotation } from '../../../text/splitAnnotation/splitAnnotation.ts';
import type { BandGrid, GridCell, TableGrid } from '../buildTableGrid/buildTableGrid.ts';
import { resolveColumnWidths, type CellWidthNeeds } from '../resolveColumnWidths/resolveColumnWidths.ts';

/** The type and box settings of a table, from the preset. */
export interface TableTypeSettings {
  /** Table text size in pt. */
  readonly size: number;
  /** Smallest size the table may shrink to. */
  readonly minSize: number;
  /** Line pitch as a multiple of the size. */
  readonly lineHeight: number;
  /** Face of data cells and row labels. */
  readonly bodyFace: FaceKey;
  /** Face of column headers, the corner and band titles. */
  readonly headerFace: FaceKey;
  /** Horizontal padding in pt. */
  readonly paddingX: number;
  /** Vertical padding in pt. */
  readonly paddingY: number;
  /** Largest share of the width for row-header columns. */
  readonly maxStubShare: number;
}

/** A grid cell with its text set in lines. */
export interface SizedCell extends GridCell {
  /** The text's lines (shared between cells of the same text, face and width: never mutate them). */
  readonly lines: readonly SetLine[];
  /** Horizontal alignment of the lines. */
  readonly align: 'left' | 'center';
}

/** A band with row heights. */
export interface SizedBand {
  /** Height of each head row, in pt. */
  readonly headHeights: readonly number[];
  /** Height of each body row, in pt. */
  readonly bodyHeights: readonly number[];
  /** Head cells. */
  readonly head: readonly SizedCell[];
  /** Body cells. */
  readonly body: readonly SizedCell[];
}

/** A table with its column widths, set cells and row heights: ready to paginate. */
export interface SizedTable {
  /** Width of each column, in pt. */
  readonly columnWidths: readonly number[];
  /** Type size used (may be below the preset's if the table had to shrink to fit). */
  readonly size: number;
  /** Line pitch of cell text, in pt. */
  readonly linePitch: number;
  /** Vertical padding, in pt. */
  readonly paddingY: number;
  /** Horizontal padding, in pt. */
  readonly paddingX: number;
  /** The bands. */
  readonly bands: readonly SizedBand[];
}

/**
 * The face a table cell prints in: values and row labels in the body face; column headers, the
 * corner and band titles in the header face.
 *
 * @param cell The cell (its kind).
 * @param faces The table's two faces.
 * @returns The face key.
 */
export function cellFace(cell: Pick<GridCell, 'kind'>, faces: Pick<TableTypeSettings, 'bodyFace' | 'headerFace'>): FaceKey {
  return cell.kind === 'value' || cell.kind === 'row' ? faces.bodyFace : faces.headerFace;
}

/**
 * Sizes a table: column widths from the content, every cell's text broken into lines
 * (breaks between words preferred, numbers never broken, the note of an annotated value such as
 * 22（其中修订16件） set under the number when the column is narrower than both), and row heights — a cell spanning
 * several rows that needs more height spreads the difference over its rows. If the numbers and
 * short labels cannot fit the width, the type shrinks by half a point at a time down to `minSize`.
 *
 * @param grid The table grid.
 * @param measurer Font metrics.
 * @param width Width of the text block, in pt.
 * @param settings Type and box settings.
 * @returns The sized table.
 */
export function sizeTable(grid: TableGrid, measurer: TextMeasurer, width: number, settings: TableTypeSettings): SizedTable {
  let size = settings.size;
  const faceOf = (cell: GridCell): FaceKey => cellFace(cell, settings);
  for (;;) {
    const needs = (cell: GridCell): CellWidthNeeds => measureNeeds(cell.text, measurer, faceOf(cell), size, cell.kind === 'value');
    const charWidth = measurer.face(settings.bodyFace).advance('中') * size;
    const { widths, fits } = resolveColumnWidths(grid, needs, { width, paddingX: settings.paddingX, maxStubShare: settings.maxStubShare, charWidth });
    if (!fits && size - 0.5 >= settings.minSize) {
      size -= 0.5;
      continue;
    }
    const linePitch = size * settings.lineHeight;
    // Tables repeat their texts (0, 无, the same labels band after band): each distinct text is
    // set once per face and width. Set lines are never mutated, so cells may share them.
    const setTexts = new Map<string, readonly SetLine[]>();
    const setCell = (cell: GridCell): SizedCell => {
      let spanned = 0;
      for (let col = cell.col; col < cell.col + cell.colSpan; col++) spanned += widths[col]!;
      const cellWidth = spanned - 2 * settings.paddingX;
      const face = faceOf(cell);
      const key = `${cell.kind === 'value' ? 'v' : 'l'}${face}\u0000${cellWidth}\u0000${cell.text}`;
      let lines = setTexts.get(key);
      if (lines === undefined) setTexts.set(key, (lines = setCellLines(cell, face, size, cellWidth, measurer)));
      return sizedCell(cell, lines);
    };
    const bands = grid.bands.map((band) => sizeBand(band, setCell, linePitch, settings.paddingY));
    return { columnWidths: widths, size, linePitch, paddingY: settings.paddingY, paddingX: settings.paddingX, bands };
  }
}

/**
 * A grid cell with its lines. Written out field by field: `{ ...cell }` over cells of two shapes
 * (with and without `where`) took the engine's slow generic copy, the largest single cost of
 * sizing a long table (bench/RESULTS.md, issue 16).
 */
function sizedCell(cell: GridCell, lines: readonly SetLine[]): SizedCell {
  const align = cell.kind === 'row' ? 'left' : 'center';
  const { row, col, rowSpan, colSpan, text, kind, path, where } = cell;
  return where === undefined ? { row, col, rowSpan, colSpan, text, kind, path, lines, align } : { row, col, rowSpan, colSpan, text, kind, path, where, lines, align };
}

function sizeBand(band: BandGrid, setCell: (cell: GridCell) => SizedCell, linePitch: number, paddingY: number): SizedBand {
  const head = band.head.map(setCell);
  const body = band.body.map(setCell);
  return {
    head,
    body,
    headHeights: rowHeights(head, band.headRows, linePitch, paddingY),
    bodyHeights: rowHeights(body, band.bodyRows, linePitch, paddingY),
  };
}

function rowHeights(cells: readonly SizedCell[], rows: number, linePitch: number, paddingY: number): number[] {
  const heights = new Array<number>(rows).fill(linePitch + 2 * paddingY);
  const need = (cell: SizedCell) => Math.max(1, cell.lines.length) * linePitch + 2 * paddingY;
  for (const cell of cells) if (cell.rowSpan === 1) heights[cell.row] = Math.max(heights[cell.row]!, need(cell));
  for (const cell of cells) {
    if (cell.rowSpan === 1) continue;
    const have = heights.slice(cell.row, cell.row + cell.rowSpan).reduce((a, b) => a + b, 0);
    const missing = need(cell) - have;
    if (missing > 0) for (let r = cell.row; r < cell.row + cell.rowSpan; r++) heights[r]! += missing / cell.rowSpan;
  }
  return heights;
}

/**
 * Breaks a cell's text into lines. An annotated value (`22（其中修订16件）`) stays on one line when
 * the column holds it; otherwise the number keeps a line of its own and the note wraps under it.
 */
function setCellLines(cell: GridCell, face: FaceKey, size: number, cellWidth: number, measurer: TextMeasurer): readonly SetLine[] {
  const annotated = cell.kind === 'value' ? splitAnnotation(cell.text) : undefined;
  const whole = breakLines([{ text: cell.text, face, size }], measurer, { width: cellWidth, preferWords: true });
  if (annotated === undefined || whole.length === 1) return whole;
  return [
    ...breakLines([{ text: annotated.value, face, size }], measurer, { width: cellWidth }),
    ...breakLines([{ text: annotated.note, face, size }], measurer, { width: cellWidth, preferWords: true }),
  ];
}

function measureNeeds(text: string, measurer: TextMeasurer, face: FaceKey, size: number, isValue: boolean): CellWidthNeeds {
  const metrics = measurer.face(face);
  const widthOf = (piece: string) => {
    let width = 0;
    for (const char of piece) width += metrics.advance(char) * size;
    return width;
  };
  const natural = widthOf(text);
  const annotated = isValue ? splitAnnotation(text) : undefined;
  if (annotated !== undefined) {
    // The number never breaks; its note may wrap under it, as a label does.
    const note = measureNeeds(annotated.note, measurer, face, size, false);
    return { natural, minimum: Math.max(widthOf(annotated.value), note.minimum) };
  }
  if (isValue && /^[-+]?[\d.,%]+\S*$/u.test(text)) return { natural, minimum: natural };
  let minimum = 0;
  let last = 0;
  for (const opportunity of breakOpportunities(text, true)) {
    if (!opportunity.betweenWords && opportunity.position < text.length) continue;
    minimum = Math.max(minimum, widthOf(text.slice(last, opportunity.position).trimEnd()));
    last = opportunity.position;
  }
  // A label may break inside a long word rather than force a huge column, so cap its minimum at 4 characters.
  return { natural, minimum: isValue ? minimum : Math.min(minimum, 4 * metrics.advance('中') * size) };
}
