import { describe, expect, test } from 'vitest';
import { resolvePreset } from '../../render/presets/resolvePreset.ts';
import { createFixedMeasurer } from '../../text/measure/measure.ts';
import { line, table } from '../_testing/flowItems.ts';
import type { FlowItem } from '../flow/flowItem.ts';
import { pageFrame } from '../frame/pageFrame.ts';
import type { Pagination } from '../paginate/pagination.ts';
import type { PlacedItem } from '../plan/plan.ts';
import { paintLine, paintPages } from './paintPages.ts';

const frame = pageFrame(resolvePreset('gbt9704'), false);
const measurer = createFixedMeasurer();
const image: FlowItem = { kind: 'image', data: new Uint8Array([1, 2, 3]), width: 100, height: 50, caption: [], note: 'image' };

describe('paintLine', () => {
  test('puts each run at the frame origin plus the line top plus its own offset; the bookmark on the first', () => {
    const twoRuns = { height: 30, texts: [{ x: 5, y: 2, text: '一、', face: 'heading' as const, size: 16, characterSpacing: 0 }, { x: 37, y: 2, text: '总体', face: 'heading' as const, size: 16, characterSpacing: 0 }] };
    const placed = paintLine(twoRuns, frame, 100, { id: 'o1', title: '一、总体' });
    expect(placed).toStrictEqual([
      { kind: 'text', x: frame.left + 5, y: frame.top + 100 + 2, text: '一、', face: 'heading', size: 16, characterSpacing: 0, outline: { id: 'o1', title: '一、总体' } },
      { kind: 'text', x: frame.left + 37, y: frame.top + 100 + 2, text: '总体', face: 'heading', size: 16, characterSpacing: 0 },
    ]);
  });
});

describe('paintPages', () => {
  const items: FlowItem[] = [image, table(20, [15, 15, 15])];
  const pagination: Pagination = {
    items,
    pages: [
      { frame, pieces: [{ kind: 'line', item: 0, line: line(29, '甲'), y: 0 }, { kind: 'image', item: 0, y: 29 }], notes: ['a'] },
      { frame, pieces: [{ kind: 'tableRows', item: 1, segment: { band: 0, withHead: true, from: 1, to: 2 }, y: 10 }], notes: ['b'] },
    ],
  };
  const painted = paintPages(pagination, { measurer });
  const kinds = (list: readonly PlacedItem[]) => list.map((item) => item.kind);

  test('lines and images: absolute positions, images centred in the text block', () => {
    expect(painted[0]!.items[0]).toMatchObject({ kind: 'text', text: '甲', x: frame.left, y: frame.top + 2 });
    expect(painted[0]!.items[1]).toMatchObject({ kind: 'image', x: frame.left + (frame.textWidth - 100) / 2, y: frame.top + 29, width: 100, height: 50 });
    expect(painted[0]!.notes).toEqual(['a']);
    expect(painted[0]!.frame).toBe(frame);
  });

  test('a table piece: its head, then rows from..to, starting at the piece top', () => {
    const page = painted[1]!.items;
    const texts = page.filter((item) => item.kind === 'text').map((item) => (item.kind === 'text' ? item.text : ''));
    expect(texts).toEqual(['项目', '行2', '行3']);
    const rules = page.filter((item) => item.kind === 'rule');
    const top = Math.min(...rules.map((r) => (r.kind === 'rule' ? Math.min(r.y1, r.y2) : Infinity)));
    const bottom = Math.max(...rules.map((r) => (r.kind === 'rule' ? Math.max(r.y1, r.y2) : 0)));
    expect(top).toBeCloseTo(frame.top + 10, 9);
    expect(bottom).toBeCloseTo(frame.top + 10 + 20 + 15 + 15, 9);
    expect(kinds(page).slice(0, rules.length).every((kind) => kind === 'rule')).toBe(true);
  });
});
