import type { PlacedItem, PlacedText } from '../../layout/plan/plan.ts';
import type { TextMeasurer } from '../../text/measure/measure.ts';

/** How far (pt) a character may land from its planned place: far below what a press can show. */
const TOLERANCE = 1e-6;

/**
 * Finds the runs of one-character texts that can be drawn as one text with uniform character
 * spacing: consecutive in the plan, same baseline, face and size, left to right, with the same
 * space between the end of one character and the start of the next. A table row of single
 * figures in equal columns (0 0 0 … in 表三) is such a run. Drawing it as one text puts every
 * glyph at the same place (advance + spacing = the planned distance) with a fraction of the
 * work: pdfmake measures and styles each text node and pdfkit writes each as its own text
 * object, about 45 µs per node (bench/RESULTS.md, issue 16).
 *
 * @param items A page's items in plan order.
 * @param measurer Font metrics (advance widths).
 * @returns The page's items with each run of two or more such texts replaced by one text: the
 *   first one's place, face and size, the run's characters, and the spacing that puts every
 *   character where the plan placed it.
 */
export function mergeEvenRuns(items: readonly PlacedItem[], measurer: TextMeasurer): PlacedItem[] {
  const out: PlacedItem[] = [];
  let run: PlacedText[] = [];
  let gap = 0;
  const flush = () => {
    if (run.length === 1) out.push(run[0]!);
    else if (run.length > 1) {
      // Never a bookmarked text (those end a run), so the first one's fields are the run's.
      out.push({ ...run[0]!, text: run.map((text) => text.text).join(''), characterSpacing: gap });
    }
    run = [];
  };
  for (const item of items) {
    if (item.kind !== 'text' || !isOneCharacter(item) || item.outline !== undefined) {
      flush();
      out.push(item);
      continue;
    }
    const last = run.at(-1);
    if (last !== undefined && item.y === last.y && item.face === last.face && item.size === last.size && item.x > last.x) {
      const nextGap = item.x - last.x - measurer.face(last.face).advance(last.text) * last.size;
      if (run.length === 1 || Math.abs(nextGap - gap) <= TOLERANCE) {
        gap = nextGap;
        run.push(item);
        continue;
      }
    }
    flush();
    run.push(item);
  }
  flush();
  return out;
}

/** One character, not white space (pdfmake trims white space at the ends of a text). */
function isOneCharacter(text: PlacedText): boolean {
  const length = text.text.length;
  const one = length === 1 || (length === 2 && text.text.codePointAt(0)! > 0xffff);
  return one && !/\s/u.test(text.text);
}
