import type { LayoutPreset } from '../../schema/layoutPreset/layoutPreset.ts';
import { faceOf } from '../flow/collectBlocks.ts';
import { PT_PER_MM } from '../frame/pageFrame.ts';
import type { TextMeasurer } from '../../text/measure/measure.ts';
import type { PaginatedPage } from '../paginate/paginate.ts';
import type { PlannedPage } from '../plan/plan.ts';

/**
 * Numbers the pages: the folio (`— 1 —`, 4号 in the serif role under GB/T 9704) sits a set
 * distance below the text block; with `alternate`, odd pages put it on the right and even pages
 * on the left, each inset by `insetChars` characters; otherwise it is centred.
 *
 * @param pages Paginated pages.
 * @param preset The layout preset.
 * @param measurer Font metrics.
 * @returns The planned pages with their numbers.
 */
export function addFolios(pages: readonly PaginatedPage[], preset: LayoutPreset, measurer: TextMeasurer): PlannedPage[] {
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
