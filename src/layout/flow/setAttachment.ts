import type { ReportIssue } from '../../issues/issue.ts';
import { breakLines } from '../../text/breakLines/breakLines.ts';
import { faceOf } from '../face/faceOf.ts';
import type { FlowItem } from './flowItem.ts';
import { checkText } from './checkText.ts';
import type { Setter } from './setContext.ts';
import { titleLines, toFlowLine } from './setLines.ts';

/**
 * Sets an attachment's opening: a new page in its orientation, the label (附件2) on the first
 * line with its bookmark, and the title centred on the preset's title line with a blank line under it.
 *
 * @param block The attachment block.
 * @param frame The page frame of the attachment.
 * @param context Preset and measurer.
 * @returns The page start, the label and the title.
 */
export const setAttachment: Setter<'attachment'> = (block, frame, context) => {
  const { preset, measurer } = context;
  const warnings: ReportIssue[] = [];
  const items: FlowItem[] = [{ kind: 'newPage', landscape: block.landscape }];
  const label = preset.attachment.label;
  const labelRuns = [{ text: checkText(block.label, faceOf(label), [...block.path, 'label'], measurer, warnings), face: faceOf(label), size: label.size }];
  const labelLines = breakLines(labelRuns, measurer, { width: frame.textWidth });
  items.push({ kind: 'lines', lines: labelLines.map((line) => toFlowLine(line, frame.bodyPitch, 'left', frame.textWidth, measurer)), keepWithNext: true, splittable: false, outline: block.outline, note: `attachment ${block.label}` });
  if (block.title !== undefined) {
    const style = preset.attachment.title;
    items.push({ kind: 'space', height: Math.max(0, preset.attachment.titleLine - 2) * frame.bodyPitch });
    const runs = [{ text: checkText(block.title, faceOf(style), [...block.path, 'title'], measurer, warnings), face: faceOf(style), size: style.size }];
    items.push({ kind: 'lines', lines: titleLines(runs, frame.textWidth, context).map((line) => toFlowLine(line, style.lineHeight, 'center', frame.textWidth, measurer)), keepWithNext: true, splittable: false, note: 'attachment title' });
    items.push({ kind: 'space', height: frame.bodyPitch });
  }
  return { items, warnings };
};
