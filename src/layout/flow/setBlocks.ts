import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import type { LayoutPreset } from '../../schema/layoutPreset/layoutPreset.ts';
import { breakLines, type SetLine, type TextRun } from '../../text/breakLines/breakLines.ts';
import type { FaceKey, TextMeasurer } from '../measure/measure.ts';
import { pageFrame, type PageFrame } from '../frame/pageFrame.ts';
import { buildTableGrid, type GridCell } from '../table/buildTableGrid/buildTableGrid.ts';
import type { TableSpec } from '../../schema/table/table.ts';
import { sizeTable } from '../table/sizeTable/sizeTable.ts';
import { faceOf } from './collectBlocks.ts';
import type { FlowBlock } from './flowBlock.ts';
import type { FlowItem, FlowLine, LineText } from './flowItem.ts';
import { imageSize } from './imageSize.ts';
import { checkText } from './checkText.ts';

/** What setting needs: the preset and the measuring engine. */
export interface SetContext {
  /** The layout preset. */
  readonly preset: LayoutPreset;
  /** Font metrics. */
  readonly measurer: TextMeasurer;
}

/**
 * Sets every block for the page frame it will be printed in: breaks text into lines (with the
 * grid's tracking and justification), sizes tables, scales images. Reports characters the fonts
 * cannot draw and invisible characters it removed, with their paths.
 *
 * @param blocks The blocks in print order.
 * @param context Preset and measurer.
 * @returns The flow items and the warnings.
 */
export function setBlocks(blocks: readonly FlowBlock[], context: SetContext): { items: FlowItem[]; warnings: ReportIssue[] } {
  const { preset } = context;
  const warnings: ReportIssue[] = [];
  const items: FlowItem[] = [];
  let frame = pageFrame(preset, false);
  const clean = (runs: readonly TextRun[], paths: readonly IssuePath[]) => runs.map((run, i) => ({ ...run, text: checkText(run.text, run.face, paths[i] ?? paths[0]!, context.measurer, warnings) }));
  const bodyLines = (runs: readonly TextRun[], indentChars: number, justify: boolean) =>
    breakLines(runs, context.measurer, { width: frame.textWidth, firstLineIndent: indentChars * frame.charWidth, tracking: frame.bodyTracking, justify });
  for (const block of blocks) {
    switch (block.kind) {
      case 'title': {
        const style = preset.title;
        const runs = block.lines.map((line) => ({ text: checkText(line, faceOf(style), block.path, context.measurer, warnings), face: faceOf(style), size: style.size }));
        const lines = block.explicit ? runs.flatMap((run) => balancedLines([run], frame.textWidth, context)) : balancedLines(runs, frame.textWidth, context);
        items.push({ kind: 'lines', lines: lines.map((line) => toFlowLine(line, style.lineHeight, 'center', frame.textWidth, context.measurer)), keepWithNext: true, splittable: false, note: 'title' });
        items.push({ kind: 'space', height: style.spaceAfterLines * frame.bodyPitch });
        break;
      }
      case 'paragraph': {
        const lines = bodyLines(clean(block.runs, block.paths), preset.body.indentChars, preset.body.justify);
        items.push({ kind: 'lines', lines: lines.map((line) => toFlowLine(line, frame.bodyPitch, 'left', frame.textWidth, context.measurer)), keepWithNext: false, splittable: true, note: 'paragraph' });
        break;
      }
      case 'heading': {
        const style = preset.headings[Math.min(block.level, 3)]!;
        const lines = bodyLines(clean(block.runs, block.paths), style.indentChars, preset.body.justify);
        items.push({ kind: 'lines', lines: lines.map((line) => toFlowLine(line, frame.bodyPitch, 'left', frame.textWidth, context.measurer)), keepWithNext: true, splittable: false, outline: block.outline, note: `heading ${block.outline.title}` });
        break;
      }
      case 'table':
        items.push(setTable(block.table, block.path, block.fromForm, frame, context, warnings));
        break;
      case 'image': {
        const caption = block.image.caption === undefined ? [] : captionLines(block.image.caption, [...block.path, 'caption'], frame, context, warnings);
        const data = block.image.data as Uint8Array;
        const natural = imageSize(data);
        const width = Math.min(frame.textWidth, block.image.width !== undefined ? block.image.width * (72 / 25.4) : natural.width * 0.75);
        items.push({ kind: 'image', data, width, height: (width * natural.height) / natural.width, caption, note: 'image' });
        break;
      }
      case 'attachment': {
        frame = pageFrame(preset, block.landscape);
        items.push({ kind: 'newPage', landscape: block.landscape });
        const label = preset.attachment.label;
        const labelRuns = [{ text: checkText(block.label, faceOf(label), [...block.path, 'label'], context.measurer, warnings), face: faceOf(label), size: label.size }];
        const labelLines = breakLines(labelRuns, context.measurer, { width: frame.textWidth });
        items.push({ kind: 'lines', lines: labelLines.map((line) => toFlowLine(line, frame.bodyPitch, 'left', frame.textWidth, context.measurer)), keepWithNext: true, splittable: false, outline: block.outline, note: `attachment ${block.label}` });
        if (block.title !== undefined) {
          const style = preset.attachment.title;
          items.push({ kind: 'space', height: Math.max(0, preset.attachment.titleLine - 2) * frame.bodyPitch });
          const runs = [{ text: checkText(block.title, faceOf(style), [...block.path, 'title'], context.measurer, warnings), face: faceOf(style), size: style.size }];
          items.push({ kind: 'lines', lines: balancedLines(runs, frame.textWidth, context).map((line) => toFlowLine(line, style.lineHeight, 'center', frame.textWidth, context.measurer)), keepWithNext: true, splittable: false, note: 'attachment title' });
          items.push({ kind: 'space', height: frame.bodyPitch });
        }
        break;
      }
      case 'signature':
        items.push(setSignature(block, frame, context, warnings));
        break;
      case 'dateLine': {
        const runs = [{ text: checkText(block.text, faceOf(preset.body), block.path, context.measurer, warnings), face: faceOf(preset.body), size: preset.body.size }];
        const lines = breakLines(runs, context.measurer, { width: frame.textWidth, tracking: frame.bodyTracking });
        items.push({ kind: 'lines', lines: lines.map((line) => toFlowLine(line, frame.bodyPitch, 'right', frame.textWidth - preset.signature.insetChars * frame.charWidth, context.measurer)), keepWithNext: false, splittable: false, note: 'date line' });
        break;
      }
    }
  }
  return { items, warnings };
}

/**
 * Breaks a title into balanced lines: the narrowest width that still gives the fewest lines,
 * so a wrapped title forms a trapezoid (each line at least as long as the next) instead of a
 * full line over a short one.
 */
function balancedLines(runs: readonly TextRun[], width: number, context: SetContext): SetLine[] {
  const full = breakLines(runs, context.measurer, { width, preferWords: true });
  if (full.length <= 1) return full;
  let low = width / full.length;
  let high = width;
  let best = full;
  for (let i = 0; i < 20; i++) {
    const mid = (low + high) / 2;
    const lines = breakLines(runs, context.measurer, { width: mid, preferWords: true });
    if (lines.length <= full.length && isTrapezoid(lines)) {
      best = lines;
      high = mid;
    } else low = mid;
  }
  return best;
}

function isTrapezoid(lines: readonly SetLine[]): boolean {
  return lines.every((line, i) => i === 0 || line.width <= lines[i - 1]!.width + 0.01);
}

/** Turns a set line into a flow line of the given pitch, aligned in a box of `boxWidth`. */
export function toFlowLine(line: SetLine, height: number, align: 'left' | 'center' | 'right', boxWidth: number, measurer: TextMeasurer): FlowLine {
  const offset = align === 'center' ? (boxWidth - line.width) / 2 : align === 'right' ? boxWidth - line.width : line.indent;
  const texts: LineText[] = line.spans.map((span) => {
    const metrics = measurer.face(span.face);
    const inkTop = (height - (metrics.ascent + metrics.descent) * span.size) / 2;
    return { x: offset + span.dx, y: inkTop, text: span.text, face: span.face, size: span.size, characterSpacing: span.characterSpacing };
  });
  return { height, texts };
}

function captionLines(text: string, path: IssuePath, frame: PageFrame, context: SetContext, warnings: ReportIssue[]): FlowLine[] {
  const style = context.preset.table.captionStyle;
  const runs = [{ text: checkText(text, faceOf(style), path, context.measurer, warnings), face: faceOf(style), size: style.size }];
  return balancedLines(runs, frame.textWidth, context).map((line) => toFlowLine(line, Math.max(frame.bodyPitch, style.size * 1.5), 'center', frame.textWidth, context.measurer));
}

function setTable(table: TableSpec, path: IssuePath, fromForm: boolean, frame: PageFrame, context: SetContext, warnings: ReportIssue[]): FlowItem {
  const style = context.preset.table;
  const grid = buildTableGrid(table, path);
  const bodyFace: FaceKey = style.role as FaceKey;
  const headerFace = faceOf({ role: style.headerRole, bold: style.headerBold });
  // Canonical labels of a form table are ours; only its values come from the input, under `data`.
  const cellPath = (cell: GridCell) => (fromForm ? [...path, 'data'] : cell.path);
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
  return { kind: 'table', table: sized, caption, notes, continuedLine, ruleWidth: style.ruleWidth, path, note: `table ${table.caption ?? ''}`.trim() };
}

function setSignature(block: Extract<FlowBlock, { kind: 'signature' }>, frame: PageFrame, context: SetContext, warnings: ReportIssue[]): FlowItem {
  const { preset, measurer } = context;
  const face = faceOf(preset.body);
  const inset = preset.signature.insetChars * frame.charWidth;
  const lineOf = (text: string, path: IssuePath) =>
    breakLines([{ text: checkText(text, face, path, measurer, warnings), face, size: preset.body.size }], measurer, { width: frame.textWidth, tracking: frame.bodyTracking })[0]!;
  const date = block.date === undefined ? undefined : lineOf(block.date, block.path);
  const issuer = block.issuer === undefined ? undefined : lineOf(block.issuer, block.issuerPath);
  // GB/T 9704 §7.3.5: the date ends `insetChars` characters from the right; the issuer is centred over the date.
  const dateRight = frame.textWidth - inset;
  const dateCenter = date === undefined ? dateRight - (issuer?.width ?? 0) / 2 : dateRight - date.width / 2;
  const lines: FlowLine[] = [];
  for (let i = 0; i < preset.signature.spaceBeforeLines; i++) lines.push({ height: frame.bodyPitch, texts: [] });
  if (issuer !== undefined) {
    const left = Math.min(dateCenter - issuer.width / 2, frame.textWidth - issuer.width);
    lines.push(toFlowLine({ ...issuer, indent: left }, frame.bodyPitch, 'left', frame.textWidth, measurer));
  }
  if (date !== undefined) lines.push(toFlowLine({ ...date, indent: dateRight - date.width }, frame.bodyPitch, 'left', frame.textWidth, measurer));
  return { kind: 'lines', lines, keepWithNext: false, splittable: false, keepTogether: true, note: 'signature' };
}
