import type { ReportIssue } from '../../issues/issue.ts';
import { faceOf } from '../face/faceOf.ts';
import { checkText } from './checkText.ts';
import type { Setter } from './setContext.ts';
import { titleLines, toFlowLine } from './setLines.ts';

/**
 * Sets the report title: centred lines broken where the meaning is whole and balanced in the
 * preset's shape (each line given in the input is broken on its own), kept with what follows, then the preset's blank lines.
 *
 * @param block The title block.
 * @param frame The page frame.
 * @param context Preset and measurer.
 * @returns The title's lines and the space after it.
 */
export const setTitle: Setter<'title'> = (block, frame, context) => {
  const { measurer } = context;
  const style = context.preset.title;
  const warnings: ReportIssue[] = [];
  const runs = block.lines.map((line) => ({ text: checkText(line, faceOf(style), block.path, measurer, warnings), face: faceOf(style), size: style.size }));
  const lines = block.explicit ? runs.flatMap((run) => titleLines([run], frame.textWidth, context)) : titleLines(runs, frame.textWidth, context);
  return {
    items: [
      { kind: 'lines', lines: lines.map((line) => toFlowLine(line, style.lineHeight, 'center', frame.textWidth, measurer)), keepWithNext: true, splittable: false, note: 'title' },
      { kind: 'space', height: style.spaceAfterLines * frame.bodyPitch },
    ],
    warnings,
  };
};
