import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import { faceOf } from '../face/faceOf.ts';
import type { PageFrame } from '../frame/pageFrame.ts';
import { checkText } from './checkText.ts';
import type { FlowLine } from './flowItem.ts';
import type { SetContext } from './setContext.ts';
import { breakTitle } from '../../text/breakTitle/breakTitle.ts';
import { toFlowLine } from './setLines.ts';

/**
 * A centred caption (table or image), at least one body line high. A caption too long for one line
 * breaks like a title (see {@link breakTitle}): between words of ICU's segmentation, never inside
 * 政府信息公开 / 年度报告 when another break will do, balanced as a trapezoid.
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
  return breakTitle(runs, context.measurer, { width: frame.textWidth, shape: 'trapezoid' }).map((line) => toFlowLine(line, Math.max(frame.bodyPitch, style.size * 1.5), 'center', frame.textWidth, context.measurer));
}
