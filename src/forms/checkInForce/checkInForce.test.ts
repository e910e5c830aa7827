import { describe, expect, test } from 'vitest';
import type { FormCellValue } from '../formCell/formCell.ts';
import { FORM_TEMPLATES } from '../formTemplates/formTemplates.ts';
import { checkInForce } from './checkInForce.ts';

const T2 = FORM_TEMPLATES.table2['2021'];
const grid = new Map<string, FormCellValue>([
  ['documents.rules.issued', 1],
  ['documents.rules.repealed', 0],
  ['documents.rules.inForce', 6],
  ['documents.normativeDocuments.issued', 3],
  ['documents.normativeDocuments.inForce', 20],
]);

describe('checkInForce', () => {
  test("passes when 现行有效 = last year's 现行有效 + 制发 − 废止 (a blank 废止 counts as 0)", () => {
    expect(checkInForce(T2, grid, { rules: 5, normativeDocuments: 17 }, ['data'])).toStrictEqual([]);
  });

  test('warns per row with the numbers; rows blank last year are skipped', () => {
    const issues = checkInForce(T2, grid, { rules: 4, normativeDocuments: null }, ['data']);
    expect(issues.map((i) => [i.pathText, i.code, i.severity])).toStrictEqual([['data.documents.rules.inForce', 'in_force_mismatch', 'warning']]);
    expect(issues[0]!.message.zh).toBe('表二 · 规章 × 现行有效件数：填报 6，应为 5 = 上年现行有效 4 + 本年制发 1 − 本年废止 0');
  });

  test('a blank 现行有效 this year is reported as blank', () => {
    const issues = checkInForce(T2, new Map(), { normativeDocuments: 3 }, ['data']);
    expect(issues[0]!.message.en).toBe("表二 · 行政规范性文件 × 现行有效件数: given blank, expected 3 = last year's in force 3 + issued 0 − repealed 0");
  });
});
