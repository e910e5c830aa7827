import type { TextMeasurer } from '../../../text/measure/measure.ts';
import type { PlacedItem, PlacedRule } from '../../plan/plan.ts';
import type { SizedBand, SizedCell, SizedTable } from '../sizeTable/sizeTable.ts';

/** The rows of one band that land on one page: optionally its head, then body rows `from`..`to`. */
export interface TableSegment {
  /** Band index. */
  readonly band: number;
  /** Whether the head rows (title and column headers) are drawn at the top of the segment. */
  readonly withHead: boolean;
  /** First body row (inclusive). */
  readonly from: number;
  /** Last body row (inclusive); `from - 1` when the segment has no body rows. */
  readonly to: number;
}

/**
 * Paints one segment of a table at (x, y): cell borders (each shared edge once) and cell text,
 * centred vertically by computed offsets (pdfmake's own vertical alignment is broken for merged
 * cells). A cell spanning rows that continue on another page is clipped to this segment and its
 * label is drawn again, centred in the part that is here.
 *
 * @param table The sized table.
 * @param segment Which rows.
 * @param x Left edge of the table in pt.
 * @param y Top edge of the segment in pt.
 * @param ruleWidth Border width in pt.
 * @param measurer Font metrics (ascent/descent for baselines).
 * @param index The table's cells by row ({@link indexTableCells}); pass it when painting many
 *   segments of one table, so that a long table stays linear in its rows (not rows × pages).
 * @returns Placed rules and texts.
 */
export function paintTableSegment(
  table: SizedTable,
  segment: TableSegment,
  x: number,
  y: number,
  ruleWidth: number,
  measurer: TextMeasurer,
  index: TableCellIndex = indexTableCells(table),
): PlacedItem[] {
  const band = table.bands[segment.band]!;
  const bandIndex = index[segment.band]!;
  const columnX = [x];
  for (const width of table.columnWidths) columnX.push(columnX.at(-1)! + width);
  // Every cell adds its four edges; an edge shared by two cells comes twice (the same numbers,
  // from the same column and row positions) and mergeRules folds the copies into one line.
  const rules: PlacedRule[] = [];
  const texts: PlacedItem[] = [];
  const addRule = (x1: number, y1: number, x2: number, y2: number) => {
    rules.push({ kind: 'rule', x1, y1, x2, y2, width: ruleWidth });
  };
  const paintCells = (cells: CellIndex, heights: readonly number[], from: number, to: number, top: number) => {
    const rowY = [top];
    for (let r = from; r <= to; r++) rowY.push(rowY.at(-1)! + heights[r]!);
    for (const cell of cellsInRows(cells, from, to)) {
      const first = Math.max(cell.row, from);
      const last = Math.min(cell.row + cell.rowSpan - 1, to);
      if (first > last) continue;
      const left = columnX[cell.col]!;
      const right = columnX[cell.col + cell.colSpan]!;
      const cellTop = rowY[first - from]!;
      const cellBottom = rowY[last - from + 1]!;
      addRule(left, cellTop, right, cellTop);
      addRule(left, cellBottom, right, cellBottom);
      addRule(left, cellTop, left, cellBottom);
      addRule(right, cellTop, right, cellBottom);
      texts.push(...paintText(cell, left, right - left, cellTop, cellBottom - cellTop, table, measurer));
    }
    return rowY.at(-1)!;
  };
  let top = y;
  if (segment.withHead) top = paintCells(bandIndex.head, band.headHeights, 0, band.headHeights.length - 1, top);
  if (segment.to >= segment.from) paintCells(bandIndex.body, band.bodyHeights, segment.from, segment.to, top);
  return [...mergeRules(rules), ...texts];
}

/**
 * Joins rules that continue each other (the edges of neighbouring cells on one row line or
 * column line) into single lines: the same picture with a fraction of the drawing operations.
 */
function mergeRules(rules: readonly PlacedRule[]): PlacedRule[] {
  // Keyed by the line's position in thousandths of a point, odd for vertical lines: a number,
  // not a string per rule (tables have tens of thousands of edges). All rules of a segment share
  // one width.
  const lines = new Map<number, PlacedRule[]>();
  for (const rule of rules) {
    const horizontal = rule.y1 === rule.y2;
    const key = Math.round((horizontal ? rule.y1 : rule.x1) * 1000) * 2 + (horizontal ? 0 : 1);
    let group = lines.get(key);
    if (group === undefined) lines.set(key, (group = []));
    group.push(rule);
  }
  const merged: PlacedRule[] = [];
  for (const group of lines.values()) {
    const horizontal = group[0]!.y1 === group[0]!.y2;
    const start = (rule: PlacedRule) => (horizontal ? Math.min(rule.x1, rule.x2) : Math.min(rule.y1, rule.y2));
    const end = (rule: PlacedRule) => (horizontal ? Math.max(rule.x1, rule.x2) : Math.max(rule.y1, rule.y2));
    group.sort((a, b) => start(a) - start(b));
    let from = start(group[0]!);
    let to = end(group[0]!);
    const emit = () => {
      const at = horizontal ? group[0]!.y1 : group[0]!.x1;
      merged.push(horizontal ? { kind: 'rule', x1: from, y1: at, x2: to, y2: at, width: group[0]!.width } : { kind: 'rule', x1: at, y1: from, x2: at, y2: to, width: group[0]!.width });
    };
    for (const rule of group.slice(1)) {
      if (start(rule) <= to + 0.01) to = Math.max(to, end(rule));
      else {
        emit();
        from = start(rule);
        to = end(rule);
      }
    }
    emit();
  }
  return merged;
}

function paintText(cell: SizedCell, left: number, width: number, top: number, height: number, table: SizedTable, measurer: TextMeasurer): PlacedItem[] {
  const pitch = table.linePitch;
  const fit = Math.max(1, Math.floor((height - 2 * table.paddingY + 0.01) / pitch));
  const lines = cell.lines.slice(0, fit);
  const blockTop = top + (height - lines.length * pitch) / 2;
  return lines.flatMap((line, index) =>
    line.spans.map((span) => {
      const metrics = measurer.face(span.face);
      const offset = cell.align === 'center' ? (width - line.width) / 2 : table.paddingX;
      return {
        kind: 'text' as const,
        x: left + offset + span.dx,
        y: blockTop + index * pitch + (pitch - (metrics.ascent + metrics.descent) * span.size) / 2,
        text: span.text,
        face: span.face,
        size: span.size,
        characterSpacing: span.characterSpacing,
      };
    }),
  );
}

/** Cells by the row they start in, plus the cells that span several rows. */
export interface CellIndex {
  /** Cells starting in each row. */
  readonly starting: readonly (readonly SizedCell[])[];
  /** Cells spanning more than one row. */
  readonly spanning: readonly SizedCell[];
}

/** A table's cells indexed by row: for each band, its head and its body. */
export type TableCellIndex = readonly { readonly head: CellIndex; readonly body: CellIndex }[];

/**
 * Indexes a table's cells by the row they start in, once, for painting it segment by segment.
 *
 * @param table The sized table.
 * @returns The index, band by band.
 */
export function indexTableCells(table: SizedTable): TableCellIndex {
  const indexCells = (cells: readonly SizedCell[]): CellIndex => {
    const starting: SizedCell[][] = [];
    for (const cell of cells) (starting[cell.row] ??= []).push(cell);
    return { starting, spanning: cells.filter((cell) => cell.rowSpan > 1) };
  };
  return table.bands.map((band) => ({ head: indexCells(band.head), body: indexCells(band.body) }));
}

/** The cells that reach into rows `from`..`to`: cut row labels that start above come first, then the rest in order. */
function cellsInRows(index: CellIndex, from: number, to: number): SizedCell[] {
  const found: SizedCell[] = [];
  for (const cell of index.spanning) if (cell.row < from && cell.row + cell.rowSpan - 1 >= from) found.push(cell);
  for (let row = from; row <= to; row++) found.push(...(index.starting[row] ?? []));
  return found;
}

/** Height of a band's head rows. */
export function headHeight(band: SizedBand): number {
  return band.headHeights.reduce((a, b) => a + b, 0);
}
