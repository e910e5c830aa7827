import { describe, expect, test } from 'vitest';
import { sizedTable } from '../../_testing/flowItems.ts';
import { maxTightening, rowCount, tightenTable } from './tightenTable.ts';

describe('tightenTable', () => {
  const table = sizedTable(20, [20, 40]);

  test('takes padding from both sides of every row, never more than there is', () => {
    const tight = tightenTable(table, 1);
    expect(tight.paddingY).toBe(2);
    expect(tight.bands[0]!.headHeights).toEqual([18]);
    expect(tight.bands[0]!.bodyHeights).toEqual([18, 38]);
    expect(tightenTable(table, 10).bands[0]!.bodyHeights).toEqual([14, 34]);
    expect(tightenTable(table, 0)).toBe(table);
    expect(table.bands[0]!.bodyHeights).toEqual([20, 40]);
  });

  test('maxTightening keeps every row at minScale of its height or more', () => {
    expect(maxTightening(table, 0.92)).toBeCloseTo(0.8, 9);
    expect(maxTightening(table, 1)).toBe(0);
    expect(maxTightening(table, 0.5)).toBe(3);
    expect(rowCount(table)).toBe(3);
  });
});
