import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS } from '../../limits/limits.ts';
import { createFormValueSchemas, MONEY_PATTERN } from './formValues.ts';

const { count, money, change } = createFormValueSchemas(DEFAULT_LIMITS);

describe('createFormValueSchemas', () => {
  test('count: integer ≥ 0, annotated, null or absent', () => {
    for (const ok of [0, 7, null, undefined, { value: 55, note: '含自然失效29件' }]) expect(count.safeParse(ok).success).toBe(true);
    for (const bad of [-1, 1.5, '3', { value: 1 }, { value: 1, note: ' ' }, { value: 1, note: 'x', extra: 1 }]) {
      expect(count.safeParse(bad).success).toBe(false);
    }
  });

  test('money: decimal string with optional unit, or null', () => {
    for (const ok of ['0', '12.50', '5949.088667', '251000元', '1.5万元', null, undefined]) expect(money.safeParse(ok).success).toBe(true);
    for (const bad of [12.5, '', '1,000', '-1', '.5', '12.', '5 元', 'USD 5']) expect(money.safeParse(bad).success).toBe(false);
  });

  test('change: signed integer or null', () => {
    for (const ok of [-18, 0, 3, null, undefined]) expect(change.safeParse(ok).success).toBe(true);
    for (const bad of [1.5, '+3', '-18']) expect(change.safeParse(bad).success).toBe(false);
  });

  test('MONEY_PATTERN keeps every decimal', () => {
    expect(MONEY_PATTERN.test('0.000001')).toBe(true);
  });
});
