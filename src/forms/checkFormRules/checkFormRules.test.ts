import { describe, expect, test } from 'vitest';
import type { FormCellValue } from '../formCell/formCell.ts';
import { formRules } from '../formRules/formRules.ts';
import { cellKey, listFormCells, type FormTemplate } from '../formTemplate/formTemplate.ts';
import { TABLE3_TEMPLATES } from '../table3/table3.ts';
import { TABLE4_TEMPLATES } from '../table4/table4.ts';
import { checkFormRules, type CheckFormRulesOptions } from './checkFormRules.ts';

const T3 = TABLE3_TEMPLATES['2019'];
const T4 = TABLE4_TEMPLATES['2021'];
const PREFIX = ['sections', 2, 'content', 0, 'data'];

/** Every cell 0, then the given values (`null` for a blank). */
function grid(template: FormTemplate, values: Record<string, FormCellValue>): Map<string, FormCellValue> {
  return new Map([...listFormCells(template).map((c): [string, FormCellValue] => [cellKey(c.path), 0]), ...Object.entries(values)]);
}

/** A consistent 2019 表三: 一 5+1, 二 1, （一）3, （二）1, （四）1. 2, （七）5+1, 四 1. */
const TABLE3: Record<string, FormCellValue> = {
  'newlyReceived.naturalPerson': 5, 'newlyReceived.commercialEnterprise': 1, 'newlyReceived.total': 6,
  'carriedOver.naturalPerson': 1, 'carriedOver.total': 1,
  'granted.naturalPerson': 3, 'granted.total': 3,
  'partlyGranted.commercialEnterprise': 1, 'partlyGranted.total': 1,
  'unableToProvide.notHeld.naturalPerson': 2, 'unableToProvide.notHeld.total': 2,
  'total.naturalPerson': 5, 'total.commercialEnterprise': 1, 'total.total': 6,
  'carriedForward.naturalPerson': 1, 'carriedForward.total': 1,
};
const TABLE4: Record<string, FormCellValue> = {
  'review.upheld': 1, 'review.corrected': 2, 'review.pending': 1, 'review.total': 4,
  'litigation.direct.other': 1, 'litigation.direct.total': 1,
};

const check = (template: FormTemplate, values: Record<string, FormCellValue>, options?: CheckFormRulesOptions) =>
  checkFormRules(template, formRules(template), grid(template, values), PREFIX, options);
const brief = (values: Record<string, FormCellValue>, template = T3, options?: CheckFormRulesOptions) =>
  check(template, values, options).issues.map((i) => `${i.code} ${i.pathText}`);

describe('checkFormRules: consistent tables pass', () => {
  test('表三 and 表四', () => {
    expect(check(T3, TABLE3).issues).toStrictEqual([]);
    expect(check(T4, TABLE4).issues).toStrictEqual([]);
  });
});

describe('表三, every row: 总计 = 自然人 + the five organisation columns', () => {
  test('fails with the row, the column, given, expected and the parts', () => {
    const [issue] = check(T3, { ...TABLE3, 'granted.total': 4 }).issues;
    expect(issue).toStrictEqual({
      code: 'sum_mismatch',
      severity: 'warning',
      path: [...PREFIX, 'granted', 'total'],
      pathText: 'sections[2].content[0].data.granted.total',
      message: {
        zh: '表三 · （一）予以公开 × 总计：填报 4，应为 3 = 自然人3 + 商业企业0 + 科研机构0 + 社会公益组织0 + 法律服务机构0 + 其他0',
        en: '表三 · （一）予以公开 × 总计: given 4, expected 3 = 自然人3 + 商业企业0 + 科研机构0 + 社会公益组织0 + 法律服务机构0 + 其他0',
      },
      expected: '3',
    });
  });
});

describe('表三, every column: （七）总计 = the sum of all result rows', () => {
  test('fails at the （七） cell; zero parts of a long sum are counted, not listed', () => {
    const issues = check(T3, { ...TABLE3, 'total.naturalPerson': 4, 'total.total': 5 }).issues;
    expect(issues[0]?.pathText).toBe('sections[2].content[0].data.total.naturalPerson');
    expect(issues[0]?.message).toStrictEqual({
      zh: '表三 · （七）总计 × 自然人：填报 4，应为 5 = （一）3 + （四）①2（其余 17 项为 0）',
      en: '表三 · （七）总计 × 自然人: given 4, expected 5 = （一）3 + （四）①2 (the other 17 parts are 0)',
    });
  });
});

describe('表三, every column: 一 + 二 = 三（七）+ 四', () => {
  test('fails at the column with both sides and their parts', () => {
    const issues = check(T3, { ...TABLE3, 'carriedForward.naturalPerson': 2, 'carriedForward.total': 2 }).issues;
    expect(issues.map((i) => i.code)).toStrictEqual(['column_equation', 'column_equation']);
    expect(issues[0]?.pathText).toBe('sections[2].content[0].data.newlyReceived.naturalPerson');
    expect(issues[0]?.message).toStrictEqual({
      zh: '表三 · 自然人列：一 + 二 = 三（七）+ 四 不成立：一、5 + 二、1 = 6，（七）5 + 四、2 = 7',
      en: '表三 · column 自然人: 一 + 二 = 三（七）+ 四 fails: 一、5 + 二、1 = 6 but （七）5 + 四、2 = 7',
    });
    expect(issues[1]?.message.zh).toContain('表三 · 总计列');
  });
});

describe('表四: each 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结', () => {
  test('fails for the group whose total is wrong', () => {
    const issues = check(T4, { ...TABLE4, 'litigation.direct.total': 0 }).issues;
    expect(issues.map((i) => [i.pathText, i.message.zh])).toStrictEqual([
      ['sections[2].content[0].data.litigation.direct.total', '表四 · 行政诉讼 › 未经复议直接起诉 › 总计：填报 0，应为 1 = 结果维持0 + 结果纠正0 + 其他结果1 + 尚未审结0'],
    ]);
  });
});

describe('blanks', () => {
  test('a blank counts as 0 and is reported once, even when it is in three rules', () => {
    const values = { ...TABLE3, 'granted.researchInstitution': null };
    expect(brief(values)).toStrictEqual(['blank_cell sections[2].content[0].data.granted.researchInstitution']);
    const [issue] = check(T3, values).issues;
    expect(issue?.message.zh).toBe('表三 · （一）予以公开 × 科研机构：空白，合计时按 0 计算；如数量为 0 请填写 0');
  });

  test('0 is not a blank', () => {
    expect(check(T3, { ...TABLE3, 'granted.researchInstitution': 0 }).issues).toStrictEqual([]);
  });

  test('a blank part shows as 空白 in the sum', () => {
    const issues = check(T4, { ...TABLE4, 'review.corrected': null }).issues;
    expect(issues[0]?.message.zh).toBe('表四 · 行政复议 › 总计：填报 4，应为 2 = 结果维持1 + 结果纠正空白 + 其他结果0 + 尚未审结1');
    expect(issues[0]?.message.en).toBe('表四 · 行政复议 › 总计: given 4, expected 2 = 结果维持1 + 结果纠正blank + 其他结果0 + 尚未审结1');
    expect(issues[1]?.code).toBe('blank_cell');
  });

  test('a blank total without fillTotals: mismatch with a hint, and a blank warning', () => {
    const issues = check(T4, { ...TABLE4, 'review.total': null }).issues;
    expect(issues.map((i) => i.code)).toStrictEqual(['sum_mismatch', 'blank_cell']);
    expect(issues[0]?.message.zh).toBe('表四 · 行政复议 › 总计：填报 空白，应为 4 = 结果维持1 + 结果纠正2 + 其他结果0 + 尚未审结1；可开启 fillTotals 自动计算');
  });

  test('an entirely blank table is reported once', () => {
    const blank = Object.fromEntries(listFormCells(T4).map((c) => [cellKey(c.path), null]));
    expect(brief(blank, T4)).toStrictEqual(['blank_table sections[2].content[0].data']);
    expect(brief(blank, T4, { fillTotals: true })).toStrictEqual(['blank_table sections[2].content[0].data']);
  });
});

describe('annotated counts', () => {
  test('enter the sums with their value', () => {
    expect(check(T3, { ...TABLE3, 'granted.naturalPerson': { value: 3, note: '含转办1件' } }).issues).toStrictEqual([]);
    expect(brief({ ...TABLE3, 'granted.naturalPerson': { value: 4, note: '含转办1件' } })).toContain('sum_mismatch sections[2].content[0].data.granted.total');
  });
});

describe('fillTotals', () => {
  const blankTotals = Object.fromEntries(Object.keys(TABLE3).filter((k) => k.endsWith('.total') || k.startsWith('total.')).map((k) => [k, null]));

  test('fills the 总计 column and the （七） row, with no issues', () => {
    const result = check(T3, { ...TABLE3, ...blankTotals }, { fillTotals: true });
    expect(result.issues).toStrictEqual([]);
    for (const [key, value] of Object.entries(TABLE3)) expect(result.grid.get(key), key).toBe(value);
    expect(result.grid.get('withheld.stateSecret.total')).toBe(0);
  });

  test('fills the three 表四 总计', () => {
    const result = check(T4, { ...TABLE4, 'review.total': null, 'litigation.direct.total': null, 'litigation.afterReview.total': null }, { fillTotals: true });
    expect(result.issues).toStrictEqual([]);
    expect([result.grid.get('review.total'), result.grid.get('litigation.direct.total'), result.grid.get('litigation.afterReview.total')]).toStrictEqual([4, 1, 0]);
  });

  test('never overwrites a given total', () => {
    const result = check(T4, { ...TABLE4, 'review.total': 9 }, { fillTotals: true });
    expect(result.grid.get('review.total')).toBe(9);
    expect(result.issues.map((i) => i.code)).toStrictEqual(['sum_mismatch']);
  });

  test('四、结转下年度继续办理 is data, not a total', () => {
    const result = check(T3, { ...TABLE3, 'carriedForward.naturalPerson': null }, { fillTotals: true });
    expect(result.grid.get('carriedForward.naturalPerson')).toBeNull();
    expect(result.issues.map((i) => i.code)).toContain('blank_cell');
  });

  test('a computed total that disagrees with a given part says so', () => {
    const values = { ...TABLE3, 'total.naturalPerson': 4, 'total.total': null };
    const messages = check(T3, values, { fillTotals: true }).issues.map((i) => i.message.zh);
    expect(messages).toContain('表三 · （七）总计 × 总计：填报 6（自动计算），应为 5 = 自然人4 + 商业企业1 + 科研机构0 + 社会公益组织0 + 法律服务机构0 + 其他0');
  });
});
