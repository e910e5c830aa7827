import { describe, expect, test } from 'vitest';
import { TABLE2_TEMPLATES } from '../table2/table2.ts';
import { TABLE3_TEMPLATES } from '../table3/table3.ts';
import { TABLE4_TEMPLATES } from '../table4/table4.ts';
import { formRules } from './formRules.ts';

describe('formRules', () => {
  test('表三: a row sum per row, a column sum per column, an equation per column', () => {
    for (const [version, rows] of [['2019', 23], ['2021', 25]] as const) {
      const rules = formRules(TABLE3_TEMPLATES[version]);
      expect(rules.sums).toHaveLength(rows + 7);
      expect(rules.equations).toHaveLength(7);
      // （七）总计 = every result row above it: 19 rows in 2019, 21 in 2021 (三 spans 20 / 22 with （七））
      const seventh = rules.sums.find((r) => r.target.join('.') === 'total.naturalPerson');
      expect(seventh?.parts).toHaveLength(rows - 4);
      expect(seventh?.parts.map((p) => p.join('.'))).not.toContain('carriedForward.naturalPerson');
    }
  });

  test('表三: row totals are filled before the （七） row, which comes last', () => {
    const sums = formRules(TABLE3_TEMPLATES['2019']).sums.map((r) => r.target.join('.'));
    expect(sums[0]).toBe('newlyReceived.total');
    expect(sums.indexOf('total.naturalPerson')).toBeGreaterThan(sums.indexOf('carriedForward.total'));
    expect(sums.at(-1)).toBe('total.total');
  });

  test('表三: the equation 一 + 二 = 三（七）+ 四', () => {
    const [first] = formRules(TABLE3_TEMPLATES['2021']).equations;
    expect(first).toStrictEqual({
      name: '一 + 二 = 三（七）+ 四',
      left: [['newlyReceived', 'naturalPerson'], ['carriedOver', 'naturalPerson']],
      right: [['total', 'naturalPerson'], ['carriedForward', 'naturalPerson']],
      at: ['newlyReceived', 'naturalPerson'],
    });
  });

  test('表四: each 总计 is the sum of its four; 表二: no rules', () => {
    expect(formRules(TABLE4_TEMPLATES['2019']).sums[2]).toStrictEqual({
      target: ['litigation', 'afterReview', 'total'],
      parts: [['litigation', 'afterReview', 'upheld'], ['litigation', 'afterReview', 'corrected'], ['litigation', 'afterReview', 'other'], ['litigation', 'afterReview', 'pending']],
    });
    expect(formRules(TABLE2_TEMPLATES['2021'])).toStrictEqual({ sums: [], equations: [] });
  });
});
