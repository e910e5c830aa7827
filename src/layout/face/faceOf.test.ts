import { describe, expect, test } from 'vitest';
import { faceOf } from './faceOf.ts';

describe('faceOf', () => {
  test('a style prints in its role, with -bold when it is bold', () => {
    expect(faceOf({ role: 'body' })).toBe('body');
    expect(faceOf({ role: 'body', bold: false })).toBe('body');
    expect(faceOf({ role: 'heading', bold: true })).toBe('heading-bold');
  });
});
