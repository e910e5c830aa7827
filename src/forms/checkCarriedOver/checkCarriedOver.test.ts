import { describe, expect, test } from 'vitest';
import type { FormCellValue } from '../formCell/formCell.ts';
import { TABLE3_TEMPLATES } from '../table3/table3.ts';
import { checkCarriedOver } from './checkCarriedOver.ts';

const T3 = TABLE3_TEMPLATES['2021'];
const grid = new Map<string, FormCellValue>([['carriedOver.naturalPerson', 3], ['carriedOver.total', 3]]);

describe('checkCarriedOver', () => {
  test("passes when this year's 二 equals last year's 四", () => {
    expect(checkCarriedOver(T3, grid, { naturalPerson: 3, commercialEnterprise: 0, total: 3 }, ['data'])).toStrictEqual([]);
  });

  test('fails per column, blanks this year counting as 0; columns blank last year are skipped', () => {
    const issues = checkCarriedOver(T3, grid, { naturalPerson: 5, commercialEnterprise: 1, researchInstitution: null, total: 6 }, ['data']);
    expect(issues.map((i) => i.pathText)).toStrictEqual(['data.carriedOver.naturalPerson', 'data.carriedOver.commercialEnterprise', 'data.carriedOver.total']);
    expect(issues[0]?.message).toStrictEqual({
      zh: '表三 · 二、上年结转政府信息公开申请数量 × 自然人：填报 3，应为 5 = 上年 四、结转下年度继续办理 5',
      en: "表三 · 二、上年结转政府信息公开申请数量 × 自然人: given 3, expected 5 = last year's 四、结转下年度继续办理 5",
    });
    expect(issues[1]?.message.zh).toContain('填报 空白，应为 1');
  });
});
