import { describe, expect, it } from 'vitest';
import type { PlacedItem, PlacedText } from '../../layout/plan/plan.ts';
import { createFixedMeasurer } from '../../text/measure/measure.ts';
import { mergeEvenRuns } from './mergeEvenRuns.ts';

const measurer = createFixedMeasurer();
const text = (x: number, value: string, extra: Partial<PlacedText> = {}): PlacedText => ({ kind: 'text', x, y: 100, text: value, face: 'table', size: 10, characterSpacing: 0, ...extra });
/** How an output item reads: an input item as it was (its text, or its kind), a merged one as `run:<text>`. */
const shapeOf = (items: readonly PlacedItem[]) => (item: PlacedItem) => (items.includes(item) ? (item.kind === 'text' ? item.text : item.kind) : item.kind === 'text' ? `run:${item.text}` : item.kind);

describe('mergeEvenRuns', () => {
  it('draws single figures in equal columns as one text whose spacing lands every glyph on its planned x', () => {
    // Half-width digits (5 pt at size 10) centred in 40 pt columns: x = 17.5, 57.5, 97.5.
    const items = [text(17.5, '0'), text(57.5, '3'), text(97.5, '0')];
    const merged = mergeEvenRuns(items, measurer);
    expect(merged).toHaveLength(1);
    const run = merged[0]!;
    if (run.kind !== 'text' || items.includes(run)) throw new Error('expected a merged run');
    expect(run.text).toBe('030');
    expect(run.characterSpacing).toBeCloseTo(35, 9);
    expect({ ...run, text: '0', characterSpacing: 0 }).toEqual(items[0]);
    // Where a PDF viewer puts each glyph: start + (advance + spacing) per glyph before it.
    let x = run.x;
    for (const item of items) {
      expect(x).toBeCloseTo(item.x, 9);
      x += measurer.face('table').advance(item.text) * 10 + run.characterSpacing;
    }
  });

  it('keeps texts apart where the gap changes, the baseline, face or size differ, or a text is longer than one character', () => {
    const items: PlacedItem[] = [
      text(0, '1'),
      text(20, '2'),
      text(40, '3'),
      text(70, '4'), // wider gap: a new run starts here
      text(100, '5'),
      text(130, '6', { y: 120 }), // other baseline
      text(160, '12'), // two characters
      text(200, '7', { size: 12 }),
      text(240, '8', { face: 'table-bold' }),
    ];
    const merged = mergeEvenRuns(items, measurer);
    expect(merged.map(shapeOf(items))).toEqual(['run:123', 'run:45', '6', '12', '7', '8']);
  });

  it('never merges a bookmarked text, white space, or across a rule, and keeps plan order', () => {
    const rule: PlacedItem = { kind: 'rule', x1: 0, y1: 0, x2: 10, y2: 0, width: 0.5 };
    const items: PlacedItem[] = [
      text(0, '一', { outline: { id: 'o1', title: '一' } }),
      text(20, '二'),
      text(40, ' '),
      text(60, '四'),
      rule,
      text(80, '五'),
      text(100, '六'),
    ];
    const merged = mergeEvenRuns(items, measurer);
    expect(merged.map(shapeOf(items))).toEqual(['一', '二', ' ', '四', 'rule', 'run:五六']);
  });
});
