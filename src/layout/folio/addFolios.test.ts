import { describe, expect, test } from 'vitest';
import { resolvePreset } from '../../render/presets/resolvePreset.ts';
import { createFixedMeasurer } from '../../text/measure/measure.ts';
import { pageFrame, PT_PER_MM } from '../frame/pageFrame.ts';
import type { PaintedPage } from '../paint/paintPages.ts';
import type { PlacedText } from '../plan/plan.ts';
import { addFolios } from './addFolios.ts';

const measurer = createFixedMeasurer();
const preset = resolvePreset('gbt9704');
const frame = pageFrame(preset, false);
const page: PaintedPage = { frame, items: [], notes: ['x'] };
const folio = (items: readonly unknown[]) => items.at(-1) as PlacedText;

describe('addFolios', () => {
  test('numbers pages with the format, 7 mm under the text block, odd right and even left, inset one character', () => {
    const pages = addFolios([page, page], { preset, measurer });
    expect(pages.map((p) => p.number)).toEqual([1, 2]);
    const [odd, even] = pages.map((p) => folio(p.items));
    expect(odd!.text).toBe('— 1 —');
    // Fixed measurer at 14 pt: each — is one em, the digit and the two spaces half an em.
    const width = 2 * 14 + 3 * 7;
    expect(odd!.x).toBeCloseTo(frame.left + frame.textWidth - 14 - width, 9);
    expect(even!.x).toBeCloseTo(frame.left + 14, 9);
    expect(odd!.y).toBeCloseTo(frame.top + frame.textHeight + 7 * PT_PER_MM, 9);
    expect(pages[0]).toMatchObject({ width: frame.width, height: frame.height, landscape: false, notes: ['x'] });
  });

  test('without alternate the folio is centred', () => {
    const centred = { ...preset, folio: { ...preset.folio, alternate: false, format: '{n}' } };
    const [only] = addFolios([page], { preset: centred, measurer });
    expect(folio(only!.items).x).toBeCloseTo(frame.left + (frame.textWidth - 7) / 2, 9);
  });
});
