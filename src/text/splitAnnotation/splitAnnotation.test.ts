import { describe, expect, test } from 'vitest';
import { splitAnnotation } from './splitAnnotation.ts';

describe('splitAnnotation', () => {
  test('a number followed by a bracketed note', () => {
    expect(splitAnnotation('22（其中修订16件）')).toEqual({ value: '22', note: '（其中修订16件）' });
    expect(splitAnnotation('55(含自然失效29件)')).toEqual({ value: '55', note: '(含自然失效29件)' });
    expect(splitAnnotation('-3 （减少）')).toEqual({ value: '-3', note: '（减少）' });
    expect(splitAnnotation('12.5%（同比）')).toEqual({ value: '12.5%', note: '（同比）' });
  });

  test('anything else is not annotated', () => {
    for (const text of ['22', '（其中修订16件）', '其中22（件）', '22件', '22（', '5949.088667', '']) expect(splitAnnotation(text)).toBeUndefined();
  });
});
