import { describe, expect, test } from 'vitest';
import { _sumParts } from './_sumParts.ts';

const parts = (...values: (number | null)[]) => values.map((value, i) => ({ name: `P${i + 1}`, value }));

describe('_sumParts', () => {
  test('short sums list every part', () => {
    expect(_sumParts(parts(3, 0, null))).toStrictEqual({ zh: 'P13 + P20 + P3空白', en: 'P13 + P20 + P3blank', sum: 3 });
  });

  test('long sums count their zeros instead of listing them', () => {
    expect(_sumParts(parts(5, 0, 0, 3, 0, 0, null, 0))).toStrictEqual({
      zh: 'P15 + P43 + P7空白（其余 5 项为 0）',
      en: 'P15 + P43 + P7blank (the other 5 parts are 0)',
      sum: 8,
    });
    expect(_sumParts(parts(0, 0, 0, 0, 0, 0, 0))).toStrictEqual({ zh: '0（7 项均为 0）', en: '0 (all 7 parts are 0)', sum: 0 });
  });
});
