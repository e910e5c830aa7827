import { describe, expect, it } from 'vitest';
import { boundedMemo } from './boundedMemo.ts';

describe('boundedMemo', () => {
  it('computes each key once while it is held, and starts afresh past the limit', () => {
    const calls: string[] = [];
    const memo = boundedMemo(2, (key: string) => {
      calls.push(key);
      return key.length === 0 ? undefined : key.toUpperCase();
    });
    expect([memo('a'), memo('b'), memo('a'), memo('')]).toEqual(['A', 'B', 'A', undefined]);
    expect(memo('')).toBeUndefined();
    // 'a' and 'b' filled it; '' cleared it and is the only key held now.
    expect(memo('a')).toBe('A');
    expect(calls).toEqual(['a', 'b', '', 'a']);
  });
});
