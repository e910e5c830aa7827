import type { LayoutPreset } from '../../schema/layoutPreset/layoutPreset.ts';
import { faceOf } from '../face/faceOf.ts';
import { PT_PER_MM } from '../frame/pageFrame.ts';
import type { TextMeasurer } from '../../text/measure/measure.ts';
import type { PaintedPage } from '../paint/paintPages.ts';
import type { PlannedPage } from '../plan/plan.ts';

/** What numbering needs: the folio style and the metrics to measure the number. */
export interface FolioContext {
  /** The layout preset. */
  readonly preset: LayoutPreset;
  /** Font metrics. */
  readonly measurer: TextMeasurer;
}

/**
 * Numbers the pages: the folio (`— 1 —`, 4号 in the serif role under GB/T 9704) sits a set
 * distance below the text block; with `alternate`, odd pages put it on the right and even pages
 * on the left, each inset by `insetChars` characters; otherwise it is centred.
 *
 * @param pages Painted pages.
 * @param context Preset and measurer.
 * @returns The planned pages with their numbers.
 */
export function addFolios(pages: readonly PaintedPage[], context: FolioContext): PlannedPage[] {
  const { preset, measurer } = context;
  const style = preset.folio;
  const face = faceOf(style);
  const metrics = measurer.face(face);
  return pages.map((page, index) => {
    const number = index + 1;
    const text = style.format.replace('{n}', String(number));
    const width = [...text].reduce((sum, char) => sum + metrics.advance(char) * style.size, 0);
    const { frame } = page;
    const inset = style.insetChars * style.size;
    const x = !style.alternate
      ? frame.left + (frame.textWidth - width) / 2
      : number % 2 === 1
        ? frame.left + frame.textWidth - inset - width
        : frame.left + inset;
    const y = frame.top + frame.textHeight + style.distanceBelow * PT_PER_MM;
    return {
      number,
      width: frame.width,
      height: frame.height,
      landscape: frame.landscape,
      items: [...page.items, { kind: 'text', x, y, text, face, size: style.size, characterSpacing: 0 }],
      notes: page.notes,
    };
  });
}
