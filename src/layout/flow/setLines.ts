import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import type { SetLine, TextRun } from '../../text/breakLines/breakLines.ts';
import { breakLines } from '../../text/breakLines/breakLines.ts';
import { breakTitle } from '../../text/breakTitle/breakTitle.ts';
import type { TextMeasurer } from '../../text/measure/measure.ts';
import type { PageFrame } from '../frame/pageFrame.ts';
import { checkText } from './checkText.ts';
import type { FlowLine, LineText } from './flowItem.ts';
import type { SetContext } from './setContext.ts';

/**
 * Sets body text (a paragraph or a heading) on the grid: each run checked at its path, broken
 * into lines of the text block with the grid's tracking, the first line indented by
 * `indentChars` characters, justified as the preset says, each line one body pitch high.
 *
 * @param runs The text runs.
 * @param paths The JSON path of each run (the first one for runs without their own).
 * @param indentChars First-line indent in characters.
 * @param frame The page frame.
 * @param context Preset and measurer.
 * @returns The lines and the warnings about the text.
 */
export function setBodyLines(runs: readonly TextRun[], paths: readonly IssuePath[], indentChars: number, frame: PageFrame, context: SetContext): { lines: FlowLine[]; warnings: ReportIssue[] } {
  const { measurer, preset } = context;
  const warnings: ReportIssue[] = [];
  const cleaned = runs.map((run, i) => ({ ...run, text: checkText(run.text, run.face, paths[i] ?? paths[0]!, measurer, warnings) }));
  const set = breakLines(cleaned, measurer, {
    width: frame.textWidth,
    firstLineIndent: indentChars * frame.charWidth,
    tracking: frame.bodyTracking,
    justify: preset.body.justify,
    ...(preset.body.maxSpacing === undefined ? {} : { maxSpacing: preset.body.maxSpacing * preset.body.size }),
  });
  return { lines: set.map((line) => toFlowLine(line, frame.bodyPitch, 'left', frame.textWidth, measurer)), warnings };
}

/**
 * Breaks a title (the report's or an attachment's) where the meaning is whole, balanced in the
 * preset's `title.shape` (see {@link breakTitle}).
 *
 * @param runs The title's runs.
 * @param width The widest line allowed, in pt.
 * @param context Preset and measurer.
 * @returns The lines.
 */
export function titleLines(runs: readonly TextRun[], width: number, context: SetContext): SetLine[] {
  return breakTitle(runs, context.measurer, { width, shape: context.preset.title.shape });
}

/**
 * Turns a set line into a flow line of the given pitch, aligned in a box of `boxWidth`, each run
 * centred vertically in the line box.
 *
 * @param line The set line.
 * @param height The line pitch in pt.
 * @param align Alignment in the box (`left` keeps the line's own indent).
 * @param boxWidth The box width in pt.
 * @param measurer Font metrics.
 * @returns The flow line.
 */
export function toFlowLine(line: SetLine, height: number, align: 'left' | 'center' | 'right', boxWidth: number, measurer: TextMeasurer): FlowLine {
  const offset = align === 'center' ? (boxWidth - line.width) / 2 : align === 'right' ? boxWidth - line.width : line.indent;
  const texts: LineText[] = line.spans.map((span) => {
    const metrics = measurer.face(span.face);
    const inkTop = (height - (metrics.ascent + metrics.descent) * span.size) / 2;
    return { x: offset + span.dx, y: inkTop, text: span.text, face: span.face, size: span.size, characterSpacing: span.characterSpacing };
  });
  return { height, texts };
}

