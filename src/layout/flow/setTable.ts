import type { ReportIssue } from '../../issues/issue.ts';
import { breakLines } from '../../text/breakLines/breakLines.ts';
import type { FaceKey } from '../../text/measure/measure.ts';
import { faceOf } from '../face/faceOf.ts';
import { buildTableGrid, type GridCell } from '../table/buildTableGrid/buildTableGrid.ts';
import { cellFace, sizeTable } from '../table/sizeTable/sizeTable.ts';
import { captionLines } from './captionLines.ts';
import { checkText } from './checkText.ts';
import type { Setter } from './setContext.ts';
import { toFlowLine } from './setLines.ts';

/**
 * Sets a table for its page frame: the grid with computed spans, its texts checked at the paths
 * the caller wrote (a form table's values under the form block's `data`), sized to the text
 * block, with its caption, its 注 notes and the 续表 line used where it continues.
 *
 * @param block The table block (table, source and path).
 * @param frame The page frame.
 * @param context Preset and measurer.
 * @returns One table item.
 */
export const setTable: Setter<'table'> = (block, frame, context) => {
  const { table, path } = block;
  const { measurer } = context;
  const style = context.preset.table;
  const warnings: ReportIssue[] = [];
  const grid = buildTableGrid(table, block.source, path);
  const faces = { bodyFace: style.role as FaceKey, headerFace: faceOf({ role: style.headerRole, bold: style.headerBold }) };
  const checkCell = (cell: GridCell): GridCell => ({ ...cell, text: checkText(cell.text, cellFace(cell, faces), cell.path, measurer, warnings) });
  const checked = { ...grid, bands: grid.bands.map((band) => ({ ...band, head: band.head.map(checkCell), body: band.body.map(checkCell) })) };
  const sized = sizeTable(checked, measurer, frame.textWidth, {
    size: style.size,
    minSize: style.minSize,
    lineHeight: style.lineHeight,
    ...faces,
    paddingX: style.paddingX,
    paddingY: style.paddingY,
    maxStubShare: style.maxStubShare,
  });
  const caption = table.caption === undefined ? [] : captionLines(table.caption, [...path, 'caption'], frame, context, warnings);
  const noteStyle = style.noteStyle;
  const notes = (table.notes ?? []).flatMap((note, index) => {
    const runs = [{ text: checkText(note, faceOf(noteStyle), [...path, 'notes', index], measurer, warnings), face: faceOf(noteStyle), size: noteStyle.size }];
    return breakLines(runs, measurer, { width: frame.textWidth, justify: true }).map((line) => toFlowLine(line, noteStyle.size * 1.6, 'left', frame.textWidth, measurer));
  });
  const continuedRuns = [{ text: style.continuedText, face: faceOf(style.captionStyle), size: style.captionStyle.size }];
  const continuedLine = toFlowLine(breakLines(continuedRuns, measurer, { width: frame.textWidth })[0]!, Math.max(style.captionStyle.size * 1.6, 1), style.continuedAlign, frame.textWidth, measurer);
  const item = { kind: 'table' as const, table: sized, caption, notes, continuedLine, ruleWidth: style.ruleWidth, keepTogether: style.keepTogether, minRowsBeforeBreak: style.minRowsBeforeBreak, path, note: `table ${table.caption ?? ''}`.trim() };
  return { items: [item], warnings };
};
