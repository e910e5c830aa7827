import { describe, expect, test } from 'vitest';
import { TABLE2_TEMPLATES } from '../table2/table2.ts';
import { TABLE3_TEMPLATES } from '../table3/table3.ts';
import { checkFormKeys } from './checkFormKeys.ts';

const PREFIX = ['attachments', 0, 'content', 1, 'data'];

describe('checkFormKeys', () => {
  test('keys of the version in use pass, annotated cells included', () => {
    const data = { newlyReceived: { naturalPerson: { value: 5, note: '含转办1件' } }, otherHandling: { naturalPerson: null } };
    expect(checkFormKeys(TABLE3_TEMPLATES['2019'], TABLE3_TEMPLATES['2021'], data, PREFIX, { version: '2019', source: 'year' })).toStrictEqual([]);
  });

  test('a 2021 key in a 2019 table is an error at its path, saying where it belongs', () => {
    const data = { otherHandling: { noCorrection: { naturalPerson: 1 } } };
    const issues = checkFormKeys(TABLE3_TEMPLATES['2019'], TABLE3_TEMPLATES['2021'], data, PREFIX, { version: '2019', source: 'year' });
    expect(issues).toStrictEqual([
      {
        code: 'form_key_version',
        severity: 'error',
        path: [...PREFIX, 'otherHandling', 'noCorrection'],
        pathText: 'attachments[0].content[1].data.otherHandling.noCorrection',
        message: {
          zh: '表三（2019 版，由报告年度 meta.year 确定）没有字段“noCorrection”，它属于 2021 版；请改用 2019 版的字段，或为本表写明 "version": "2021"',
          en: '表三 in the 2019 form (from meta.year) has no key "noCorrection"; it belongs to the 2021 form: use the 2019 keys, or set "version": "2021" on this table',
        },
        expected: 'a key of the 2019 form',
      },
    ]);
  });

  test('2019 keys in a 2021 table, whole blocks too', () => {
    const data = { documents: { rules: { newlyMade: 1, issued: 1 } }, procurement: { centralizedProcurement: { projects: 0 } } };
    const issues = checkFormKeys(TABLE2_TEMPLATES['2021'], TABLE2_TEMPLATES['2019'], data, PREFIX, { version: '2021', source: 'report' });
    expect(issues.map((i) => i.pathText)).toStrictEqual(['attachments[0].content[1].data.documents.rules.newlyMade', 'attachments[0].content[1].data.procurement']);
    expect(issues[0]?.message.zh).toContain('由报告的 form 指定');
  });
});
