import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import { faceOf } from '../face/faceOf.ts';
import type { PageFrame } from '../frame/pageFrame.ts';
import { checkText } from './checkText.ts';
import type { FlowLine } from './flowItem.ts';
import type { SetContext } from './setContext.ts';
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
