import { describe, expect, test } from 'vitest';
import { resolvePreset } from '../../render/presets/resolvePreset.ts';
import { heading, line, paragraph, table } from '../_testing/flowItems.ts';
import type { FlowItem } from '../flow/flowItem.ts';
import { pageFrame } from '../frame/pageFrame.ts';
import type { Pagination } from './pagination.ts';
import { scorePagination } from './scorePagination.ts';

const frame = pageFrame(resolvePreset('gbt9704'), false);
const settings = { minContinuedRows: 3 };
const signature: FlowItem = { kind: 'lines', lines: [line(29, '某局')], keepWithNext: false, splittable: false, keepTogether: true, note: 'signature' };

describe('scorePagination', () => {
  test('a heading at a page end and a signature alone are forbidden', () => {
    const items = [paragraph(2, 29), heading(29), paragraph(2, 29), signature];
    const pagination: Pagination = {
      items,
      pages: [
        { frame, pieces: [{ kind: 'line', item: 0, line: line(29), y: 0 }, { kind: 'line', item: 1, line: line(29), y: 29 }], notes: [] },
        { frame, pieces: [{ kind: 'line', item: 2, line: line(29), y: 0 }], notes: [] },
        { frame, pieces: [{ kind: 'line', item: 3, line: line(29), y: 0 }], notes: [] },
      ],
    };
    const score = scorePagination(pagination, settings);
    expect(score.forbidden).toBe(2);
    expect(score.problems).toEqual(['page 1: ends with a heading or caption', 'page 1: 9% full', 'page 2: 5% full', 'page 3: signature alone']);
    expect(score.emptyPages).toBe(2);
    expect(score.pages).toBe(3);
  });

  test('a continued table piece under minContinuedRows rows is short; a page before an attachment is not empty', () => {
    const items: FlowItem[] = [table(20, Array.from({ length: 40 }, () => 15)), { kind: 'newPage', landscape: false }, paragraph(1, 29)];
    const pagination: Pagination = {
      items,
      pages: [
        { frame, pieces: [{ kind: 'tableRows', item: 0, segment: { band: 0, withHead: true, from: 0, to: 37 }, y: 0 }], notes: [] },
        { frame, pieces: [{ kind: 'tableRows', item: 0, segment: { band: 0, withHead: true, from: 38, to: 39 }, y: 20 }], notes: [] },
        { frame, pieces: [{ kind: 'line', item: 2, line: line(29), y: 0 }], notes: [] },
      ],
    };
    const score = scorePagination(pagination, settings);
    expect(score).toMatchObject({ forbidden: 0, shortContinuations: 1, emptyPages: 0, pages: 3 });
  });
});
