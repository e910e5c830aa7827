import { describe, expect, test } from 'vitest';
import { formVersionForYear, resolveFormVersion } from './resolveFormVersion.ts';

describe('formVersionForYear', () => {
  test('2019–2020 → 2019, 2021 on → 2021, earlier → none', () => {
    expect([2017, 2018, 2019, 2020, 2021, 2025].map(formVersionForYear)).toStrictEqual([undefined, undefined, '2019', '2019', '2021', '2021']);
  });
});

describe('resolveFormVersion', () => {
  test('block version, then report form, then year', () => {
    expect(resolveFormVersion('2019', '2021', 2023)).toStrictEqual({ version: '2019', source: 'block' });
    expect(resolveFormVersion(undefined, '2021', 2020)).toStrictEqual({ version: '2021', source: 'report' });
    expect(resolveFormVersion(undefined, undefined, 2020)).toStrictEqual({ version: '2019', source: 'year' });
    expect(resolveFormVersion(undefined, undefined, 2018)).toStrictEqual({ version: undefined, source: 'year' });
  });
});
