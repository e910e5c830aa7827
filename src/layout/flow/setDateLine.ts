import type { ReportIssue } from '../../issues/issue.ts';
import { breakLines } from '../../text/breakLines/breakLines.ts';
import { faceOf } from '../face/faceOf.ts';
import { checkText } from './checkText.ts';
import type { Setter } from './setContext.ts';
import { toFlowLine } from './setLines.ts';

/**
 * Sets a draft's date line (印发日期 and the like): body text ending where the signature's date ends.
 *
 * @param block The date line block.
 * @param frame The page frame.
 * @param context Preset and measurer.
 * @returns One lines item.
 */
export const setDateLine: Setter<'dateLine'> = (block, frame, context) => {
  const { preset, measurer } = context;
  const warnings: ReportIssue[] = [];
  const runs = [{ text: checkText(block.text, faceOf(preset.body), block.path, measurer, warnings), face: faceOf(preset.body), size: preset.body.size }];
  const lines = breakLines(runs, measurer, { width: frame.textWidth, tracking: frame.bodyTracking });
  const box = frame.textWidth - preset.signature.insetChars * frame.charWidth;
  return { items: [{ kind: 'lines', lines: lines.map((line) => toFlowLine(line, frame.bodyPitch, 'right', box, measurer)), keepWithNext: false, splittable: false, note: 'date line' }], warnings };
};
