import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { InvalidArgumentError } from '../../errors/errors.ts';
import { readCarriedForward, readPreviousYear } from './readCarriedForward.ts';

const ZERO = { naturalPerson: 0, commercialEnterprise: 0, researchInstitution: 0, socialWelfareOrganization: 0, legalServiceAgency: 0, otherOrganization: 0, total: 0 };
const BLANK = Object.fromEntries(Object.keys(ZERO).map((k) => [k, null]));
const example = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8'));
const report = (content: unknown[]) => ({ meta: { title: '报告', issuer: '某局', year: 2022 }, sections: [{ heading: '三', content }] });

describe('readCarriedForward', () => {
  test('nothing passed', () => {
    expect(readCarriedForward(undefined)).toBeUndefined();
  });

  test('the row itself, annotated counts and blanks included', () => {
    expect(readCarriedForward({ naturalPerson: 2, total: { value: 2, note: '含转办1件' } })).toStrictEqual({ ...BLANK, naturalPerson: 2, total: 2 });
  });

  test("last year's 表三 data", () => {
    expect(readCarriedForward({ carriedForward: { naturalPerson: 4, total: 4 }, granted: {} })).toStrictEqual({ ...BLANK, naturalPerson: 4, total: 4 });
  });

  test("last year's report with a 表三 form block", () => {
    expect(readCarriedForward(example('seed-2020-water-bureau.json'))).toStrictEqual(ZERO);
    expect(readCarriedForward(example('annual-report-2021-sample.json'))).toStrictEqual({ ...ZERO, naturalPerson: 1, total: 1 });
  });

  test("last year's report with 表三 as a generic table (the row labelled …结转下年度…)", () => {
    const table = { columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], rows: [{ label: '一、本年新收', values: [9, 9, 9, 9, 9, 9, 9] }, { label: '四、结转下年度继续办理', values: [1, '2', 0, 0, 0, '', 3] }] };
    expect(readCarriedForward(report([{ table }]))).toStrictEqual({ ...ZERO, naturalPerson: 1, commercialEnterprise: 2, otherOrganization: null, total: 3 });
  });

  test('anything else is an InvalidArgumentError naming the option', () => {
    for (const bad of [null, 3, 'x', [], { naturalPersn: 1 }, report(['无表三']), { meta: {} }]) {
      expect(() => readCarriedForward(bad)).toThrow(InvalidArgumentError);
    }
    expect(() => readCarriedForward(7)).toThrow('`options.previousYear` must be last year\'s report');
  });

  test("readPreviousYear: last year's 2021 表二 现行有效件数 from a report or 表二 data, and the year check", () => {
    const sample = example('annual-report-2021-sample.json') as { meta: { year: number } };
    expect(readPreviousYear(sample, 2024)?.inForce).toStrictEqual({ rules: 0, normativeDocuments: 55 });
    expect(readPreviousYear(sample)?.carriedForward).toStrictEqual({ ...ZERO, naturalPerson: 1, total: 1 });
    // The 2020 seed's 表二 is of the 2019 form: nothing to check 现行有效件数 against.
    expect(readPreviousYear(example('seed-2020-water-bureau.json'), 2021)?.inForce).toBeUndefined();
    expect(readPreviousYear({ documents: { rules: { inForce: 2 } } })).toStrictEqual({ inForce: { rules: 2, normativeDocuments: null } });
    expect(() => readPreviousYear(sample, 2023)).toThrow(InvalidArgumentError);
    expect(() => readPreviousYear(sample, 2026)).toThrow("last year's report (year 2025; this report is of 2026)");
  });
});
