import { describe, expect, test } from 'vitest';
import { countOf, printFormCell, readFormCell } from './formCell.ts';

describe('readFormCell', () => {
  test('reads by path; anything missing is a blank', () => {
    const data = { a: { b: 3, c: null, d: { value: 5, note: 'n' }, e: '1.50' } };
    expect(readFormCell(data, ['a', 'b'])).toBe(3);
    expect(readFormCell(data, ['a', 'c'])).toBeNull();
    expect(readFormCell(data, ['a', 'x'])).toBeNull();
    expect(readFormCell(data, ['z', 'b'])).toBeNull();
    expect(readFormCell(data, ['a', 'd'])).toStrictEqual({ value: 5, note: 'n' });
    expect(readFormCell(data, ['a', 'e'])).toBe('1.50');
    expect(readFormCell({ toString: 1 }, ['constructor'])).toBeNull();
  });
});

describe('countOf', () => {
  test('counts, annotated counts, blanks', () => {
    expect(countOf(0)).toBe(0);
    expect(countOf({ value: 55, note: '含自然失效29件' })).toBe(55);
    expect(countOf(null)).toBeNull();
    expect(countOf('12.50')).toBeNull();
  });
});

describe('printFormCell', () => {
  test('counts stay numbers, blanks stay blank (not 0)', () => {
    expect(printFormCell(0, 'count')).toBe(0);
    expect(printFormCell(203, 'count')).toBe(203);
    expect(printFormCell(null, 'count')).toBeNull();
  });

  test('annotated counts print their note in full-width brackets', () => {
    expect(printFormCell({ value: 55, note: '含自然失效29件' }, 'count')).toBe('55（含自然失效29件）');
    expect(printFormCell({ value: 55, note: '（含自然失效29件）' }, 'count')).toBe('55（含自然失效29件）');
  });

  test('本年增/减 prints its sign', () => {
    expect(printFormCell(3, 'change')).toBe('+3');
    expect(printFormCell(-18, 'change')).toBe('-18');
    expect(printFormCell(0, 'change')).toBe('0');
  });

  test('money prints exactly as given', () => {
    expect(printFormCell('5949.088667', 'money')).toBe('5949.088667');
    expect(printFormCell('12.50', 'money')).toBe('12.50');
    expect(printFormCell('251000元', 'money')).toBe('251000元');
  });
});
