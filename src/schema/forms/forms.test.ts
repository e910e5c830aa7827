import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import { DEFAULT_LIMITS } from '../limits/limits.ts';
import { validateReport } from '../validateReport/validateReport.ts';
import { createFormBlockSchema, FORM_TABLE_IDS, FORM_VERSIONS } from './forms.ts';

const block = createFormBlockSchema(DEFAULT_LIMITS);
const report = (content: unknown[]) => ({ meta: { title: '报告', issuer: '某局', year: 2021 }, sections: [{ heading: '表', content }] });
const issuesOf = (b: unknown) => {
  const result = validateReport(report([b]));
  return result.ok ? [] : result.issues.map((i) => ({ code: i.code, path: i.pathText, zh: i.message.zh, en: i.message.en }));
};

describe('createFormBlockSchema', () => {
  test('exports the table ids and versions', () => {
    expect(FORM_TABLE_IDS).toStrictEqual(['table2', 'table3', 'table4']);
    expect(FORM_VERSIONS).toStrictEqual(['2019', '2021']);
  });

  test('accepts a block of each table with caption, notes and version', () => {
    for (const form of FORM_TABLE_IDS) {
      const input = { form, version: '2021', caption: '表', notes: ['注：无'], data: {} };
      expect(block.parse(input)).toStrictEqual(input);
    }
  });

  test('accepts the keys of both versions (the version is checked by resolveForms)', () => {
    expect(block.safeParse({ form: 'table3', data: { otherHandling: { naturalPerson: 1 } } }).success).toBe(true);
    expect(block.safeParse({ form: 'table3', data: { otherHandling: { noCorrection: { naturalPerson: 1 } } } }).success).toBe(true);
    expect(block.safeParse({ form: 'table2', data: { documents: { rules: { newlyMade: 1, issued: 2 } } } }).success).toBe(true);
  });

  test('a form block is one branch of the report blocks', () => {
    expect(issuesOf({ form: 'table4', data: { review: { upheld: 1, total: 1 } } })).toStrictEqual([]);
  });
});

describe('unknown keys name the nearest valid key', () => {
  test('a misspelt column', () => {
    expect(issuesOf({ form: 'table3', data: { newlyReceived: { naturalPersn: 1 } } })).toStrictEqual([
      {
        code: 'unrecognized_keys',
        path: 'sections[0].content[0].data.newlyReceived',
        zh: '未知字段“naturalPersn”，是否应为“naturalPerson”？',
        en: 'unknown key "naturalPersn" — did you mean "naturalPerson"?',
      },
    ]);
  });

  test('a misspelt row in a group', () => {
    const [issue] = issuesOf({ form: 'table3', data: { withheld: { stateSecrte: {} } } });
    expect(issue?.path).toBe('sections[0].content[0].data.withheld');
    expect(issue?.en).toContain('did you mean "stateSecret"');
  });

  test('a misspelt 表二 block and 表四 group', () => {
    expect(issuesOf({ form: 'table2', data: { licencing: {} } })[0]?.en).toContain('"licensing"');
    expect(issuesOf({ form: 'table4', data: { litigation: { afterRevew: {} } } })[0]?.en).toContain('"afterReview"');
  });
});

describe('value encodings', () => {
  const cell = (value: unknown) => issuesOf({ form: 'table3', data: { granted: { naturalPerson: value } } });

  test('a count is a non-negative integer; null and absent are blanks', () => {
    expect(cell(0)).toStrictEqual([]);
    expect(cell(42)).toStrictEqual([]);
    expect(cell(null)).toStrictEqual([]);
    expect(issuesOf({ form: 'table3', data: { granted: {} } })).toStrictEqual([]);
    expect(cell(-1)[0]?.code).toBe('too_small');
    expect(cell(1.5)[0]?.en).toBe('expected an integer, received a number');
    expect(cell('5')[0]?.code).toBe('invalid_type');
  });

  test('an annotated count is { value, note }', () => {
    expect(cell({ value: 55, note: '含自然失效29件' })).toStrictEqual([]);
    expect(cell({ value: 55 })[0]?.path).toBe('sections[0].content[0].data.granted.naturalPerson.note');
    expect(cell({ value: -2, note: 'x' })[0]?.code).toBe('too_small');
  });

  test('money is a decimal string, optionally with its unit', () => {
    const money = (amount: unknown) => issuesOf({ form: 'table2', data: { fees: { administrativeFees: { amount } } } });
    for (const ok of ['0', '12.50', '5949.088667', '251000元', '3.2万元', null]) expect(money(ok)).toStrictEqual([]);
    expect(money('12,5')[0]?.code).toBe('form_money');
    expect(money('-3')[0]?.code).toBe('form_money');
    expect(money(12.5)[0]?.en).toBe('expected a string, received a number');
  });

  test('本年增/减 is a signed integer', () => {
    const change = (value: unknown) => issuesOf({ form: 'table2', data: { licensing: { administrativeLicensing: { change: value } } } });
    expect(change(-18)).toStrictEqual([]);
    expect(change(3)).toStrictEqual([]);
    expect(change('+3')[0]?.code).toBe('invalid_type');
  });
});

describe('JSON Schema', () => {
  test('lists every key with its printed label', () => {
    const text = JSON.stringify(z.toJSONSchema(block, { io: 'input', unrepresentable: 'any' }));
    for (const key of ['enforcementCaseFile', 'noCorrection', 'afterReview', 'normativeDocuments', 'socialWelfareOrganization']) {
      expect(text).toContain(`"${key}"`);
    }
    for (const label of ['7.属于行政执法案卷', '3.危及“三安全一稳定”', '复议后起诉', '本年收费金额（单位：万元）（2021 版）']) {
      expect(text).toContain(JSON.stringify(label).slice(1, -1));
    }
  });
});
