import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import type { TableSpec } from '../../schema/table/table.ts';
import { breakLines } from '../../text/breakLines/breakLines.ts';
import type { FaceKey } from '../../text/measure/measure.ts';
import type { PageFrame } from '../frame/pageFrame.ts';
import { buildTableGrid, type GridCell } from '../table/buildTableGrid/buildTableGrid.ts';
import { sizeTable } from '../table/sizeTable/sizeTable.ts';
import { checkText } from './checkText.ts';
import { formValueKey } from '../../forms/toFormTable/toFormTable.ts';
import { faceOf } from './collectBlocks.ts';
import type { FlowItem, FlowLine } from './flowItem.ts';
import type { SetContext } from './setBlocks.ts';
import { balancedLines, toFlowLine } from './setLines.ts';

/**
 * A centred caption (table or image), balanced like a title, at least one body line high.
 *
 * @param text The caption.
 * @param path Its JSON path.
 * @param frame The page frame.
 * @param context Preset and measurer.
 * @param warnings Where text warnings go.
 * @returns The caption's lines.
 */
export function captionLines(text: string, path: IssuePath, frame: PageFrame, context: SetContext, warnings: ReportIssue[]): FlowLine[] {
  const style = context.preset.table.captionStyle;
  const runs = [{ text: checkText(text, faceOf(style), path, context.measurer, warnings), face: faceOf(style), size: style.size }];
  return balancedLines(runs, frame.textWidth, context).map((line) => toFlowLine(line, Math.max(frame.bodyPitch, style.size * 1.5), 'center', frame.textWidth, context.measurer));
}

/**
 * Sets a table for its page frame: the grid with computed spans, its texts checked (a form
 * table's values are reported under the form block's `data`), sized to the text block, with its
 * caption, its 注 notes and the 续表 line used where it continues.
 *
 * @param table The table.
 * @param path Its JSON path (a form table: the form block's path).
 * @param fromForm Made from an official form block.
 * @param frame The page frame.
 * @param context Preset and measurer.
 * @param warnings Where text warnings go.
 * @returns The table flow item.
 */
export function setTable(table: TableSpec, path: IssuePath, fromForm: boolean, frame: PageFrame, context: SetContext, warnings: ReportIssue[]): FlowItem {
  const style = context.preset.table;
  const grid = buildTableGrid(table, path);
  const bodyFace: FaceKey = style.role as FaceKey;
  const headerFace = faceOf({ role: style.headerRole, bold: style.headerBold });
  // Canonical labels of a form table are ours; only its values come from the input, under `data`.
  const cellPath = (cell: GridCell) => (fromForm ? [...path, 'data', ...(formValueKey(table, cell.path.slice(path.length)) ?? [])] : cell.path);
  const checkCell = (cell: GridCell): GridCell => {
    const face = cell.kind === 'value' || cell.kind === 'row' ? bodyFace : headerFace;
    return { ...cell, text: checkText(cell.text, face, cellPath(cell), context.measurer, warnings) };
  };
  const checked = { ...grid, bands: grid.bands.map((band) => ({ ...band, head: band.head.map(checkCell), body: band.body.map(checkCell) })) };
  const sized = sizeTable(checked, context.measurer, frame.textWidth, {
    size: style.size,
    minSize: style.minSize,
    lineHeight: style.lineHeight,
    bodyFace,
    headerFace,
    paddingX: style.paddingX,
    paddingY: style.paddingY,
    maxStubShare: style.maxStubShare,
  });
  const caption = table.caption === undefined ? [] : captionLines(table.caption, [...path, 'caption'], frame, context, warnings);
  const noteStyle = style.noteStyle;
  const notes = (table.notes ?? []).flatMap((note, index) => {
    const runs = [{ text: checkText(note, faceOf(noteStyle), [...path, 'notes', index], context.measurer, warnings), face: faceOf(noteStyle), size: noteStyle.size }];
    return breakLines(runs, context.measurer, { width: frame.textWidth, justify: true }).map((line) => toFlowLine(line, noteStyle.size * 1.6, 'left', frame.textWidth, context.measurer));
  });
  const continuedRuns = [{ text: style.continuedText, face: faceOf(style.captionStyle), size: style.captionStyle.size }];
  const continuedLine = toFlowLine(breakLines(continuedRuns, context.measurer, { width: frame.textWidth })[0]!, Math.max(style.captionStyle.size * 1.6, 1), style.continuedAlign, frame.textWidth, context.measurer);
  return { kind: 'table', table: sized, caption, notes, continuedLine, ruleWidth: style.ruleWidth, keepTogether: style.keepTogether, minRowsBeforeBreak: style.minRowsBeforeBreak, path, note: `table ${table.caption ?? ''}`.trim() };
}

