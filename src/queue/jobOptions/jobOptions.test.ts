import { describe, expect, test } from 'vitest';
import { InvalidArgumentError } from '../../errors/errors.ts';
import { checkJobOptions, toRenderOptions } from './jobOptions.ts';

describe('checkJobOptions', () => {
  test('keeps the known keys and drops undefined ones', () => {
    expect(checkJobOptions({ layout: 'compact', strict: true, fillTotals: undefined, creationDate: '2025-01-15T00:00:00Z' })).toStrictEqual({
      layout: 'compact',
      strict: true,
      creationDate: '2025-01-15T00:00:00Z',
    });
    expect(checkJobOptions(undefined)).toStrictEqual({});
    expect(toRenderOptions(checkJobOptions({ pdfa: '2u' }))).toStrictEqual({ pdfa: '2u' });
  });

  test.each([
    ['not an object', [1], 'options'],
    ['an unknown key (resources belong to the worker)', { resources: { allowedDirectories: ['/'] } }, 'options.resources'],
    ['strict not a boolean', { strict: 'yes' }, 'options.strict'],
    ['layout a number', { layout: 3 }, 'options.layout'],
    ['a creation date that is not a date', { creationDate: 'tomorrow' }, 'options.creationDate'],
    ['a PDF/A level other than 2b or 2u', { pdfa: '1b' }, 'options.pdfa'],
  ])('refuses %s with an InvalidArgumentError naming the key', (_case, value, key) => {
    expect(() => checkJobOptions(value)).toThrow(InvalidArgumentError);
    expect(() => checkJobOptions(value)).toThrow(`\`${key}\``);
  });
});

describe('toRenderOptions', () => {
  test('turns the creation date into a Date', () => {
    expect(toRenderOptions({ strict: true, creationDate: '2025-01-15T00:00:00Z' })).toStrictEqual({ strict: true, creationDate: new Date('2025-01-15T00:00:00Z') });
  });
});
