import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import type { LayoutPreset } from '../../schema/layoutPreset/layoutPreset.ts';
import { breakLines, type TextRun } from '../../text/breakLines/breakLines.ts';
import type { TextMeasurer } from '../../text/measure/measure.ts';
import { pageFrame } from '../frame/pageFrame.ts';
import { faceOf } from './collectBlocks.ts';
import type { FlowBlock } from './flowBlock.ts';
import type { FlowItem } from './flowItem.ts';
import { imageSize } from './imageSize.ts';
import { checkText } from './checkText.ts';
import { balancedLines, toFlowLine } from './setLines.ts';
import { captionLines, setTable } from './setTable.ts';
import { setSignature } from './setSignature.ts';

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
