import { describe, expect, test } from 'vitest';
import { heading, lines, paragraph, table } from '../_testing/flowItems.ts';
import type { FlowItem } from '../flow/flowItem.ts';
import { breaksBeforeLine, heightOf, minimumFollowing, tableOpening } from './breakRules.ts';

const room = (used: number, left: number) => ({ used, left });

describe('breaksBeforeLine', () => {
  const four = lines(4, 10);

  test('nothing moves from the top of a page, even when it does not fit', () => {
    expect(breaksBeforeLine(four, 0, true, room(0, 5))).toBe(false);
    expect(breaksBeforeLine(four, 0, false, room(0, 5))).toBe(false);
  });

  test('a line that does not fit moves', () => {
    expect(breaksBeforeLine(four, 1, true, room(50, 9))).toBe(true);
    expect(breaksBeforeLine(four, 1, false, room(50, 9))).toBe(true);
    expect(breaksBeforeLine(four, 1, false, room(50, 10))).toBe(false);
  });

  test('orphan: a paragraph\'s first line moves when its second does not fit beside it', () => {
    expect(breaksBeforeLine(four, 0, true, room(50, 15))).toBe(true);
    expect(breaksBeforeLine(four, 0, true, room(50, 20))).toBe(false);
    expect(breaksBeforeLine(lines(1, 10), 0, true, room(50, 10))).toBe(false);
  });

  test('widow: the last-but-one line moves when the last would be alone, from four lines on', () => {
    expect(breaksBeforeLine(four, 2, true, room(50, 10))).toBe(true);
    expect(breaksBeforeLine(four, 2, true, room(50, 20))).toBe(false);
    expect(breaksBeforeLine(lines(3, 10), 1, true, room(50, 10))).toBe(false);
  });
});

describe('tableOpening', () => {
  test('keepTogether: the whole table when it fits a page, else caption + head + minRowsBeforeBreak rows', () => {
    const item = table(30, [20, 20, 20, 20]) as Extract<FlowItem, { kind: 'table' }>;
    expect(tableOpening(item, 500)).toBe(110);
    expect(tableOpening(item, 100)).toBe(90);
    const loose = table(30, [20, 20, 20, 20], { keepTogether: false, minRowsBeforeBreak: 2 }) as Extract<FlowItem, { kind: 'table' }>;
    expect(tableOpening(loose, 500)).toBe(70);
  });
});

describe('minimumFollowing', () => {
  test('two lines of a paragraph, all of a kept heading chain, a table opening, space added, nothing after a page start', () => {
    expect(minimumFollowing([paragraph(5, 10)], 0, 500)).toBe(20);
    expect(minimumFollowing([heading(10), paragraph(5, 10)], 0, 500)).toBe(30);
    expect(minimumFollowing([{ kind: 'space', height: 7 }, paragraph(5, 10)], 0, 500)).toBe(27);
    expect(minimumFollowing([table(30, [20, 20])], 0, 500)).toBe(70);
    expect(minimumFollowing([{ kind: 'newPage', landscape: false }, paragraph(5, 10)], 0, 500)).toBe(0);
    expect(minimumFollowing([], 0, 500)).toBe(0);
  });

  test('heightOf sums line heights', () => {
    expect(heightOf(lines(3, 12.5))).toBe(37.5);
  });
});
