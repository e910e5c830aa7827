import type { SetLine, TextRun } from '../../text/breakLines/breakLines.ts';
import { breakLines } from '../../text/breakLines/breakLines.ts';
import type { TextMeasurer } from '../../text/measure/measure.ts';
import type { FlowLine, LineText } from './flowItem.ts';

/**
 * Breaks a title into balanced lines: the narrowest width that still gives the fewest lines,
 * so a wrapped title forms a trapezoid (each line at least as long as the next) instead of a
 * full line over a short one. Lines break between words.
 *
 * @param runs The title's runs.
 * @param width The widest line allowed, in pt.
 * @param context The measurer.
 * @returns The lines.
 */
export function balancedLines(runs: readonly TextRun[], width: number, context: { readonly measurer: TextMeasurer }): SetLine[] {
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

