import { describe, expect, test } from 'vitest';
import { findPlaceholders, findPlaceholdersInText } from './findPlaceholders.ts';

describe('findPlaceholdersInText', () => {
  test('finds the template placeholders', () => {
    expect(findPlaceholdersInText('（文字描述）')).toStrictEqual(['（文字描述）']);
    expect(findPlaceholdersInText('(文字描述)')).toStrictEqual(['(文字描述)']);
    expect(findPlaceholdersInText('本机关（此处填写机关名称）于20XX年')).toStrictEqual(['（此处填写机关名称）', 'XX']);
    expect(findPlaceholdersInText('（请填写具体数字）件；（待补充）')).toStrictEqual(['（请填写具体数字）', '（待补充）']);
    expect(findPlaceholdersInText('XXX局和××县')).toStrictEqual(['XXX', '××']);
  });

  test('leaves ordinary prose alone', () => {
    for (const text of ['我局全年主动公开信息110余条。', '（一）予以公开', '第二十条第（五）项', 'Windows XP 系统', '3×4 米', '（文字说明见附件）']) {
      expect(findPlaceholdersInText(text), text).toStrictEqual([]);
    }
  });
});

describe('findPlaceholders', () => {
  test('one warning per text, with its path', () => {
    expect(findPlaceholders('（文字描述）', ['sections', 4, 'content', 0])).toStrictEqual([
      {
        code: 'template_placeholder',
        severity: 'warning',
        path: ['sections', 4, 'content', 0],
        pathText: 'sections[4].content[0]',
        message: {
          zh: '文中留有模板占位符 “（文字描述）”，请替换为实际内容',
          en: 'template placeholder "（文字描述）" left in the text; replace it with the report\'s own words',
        },
        expected: 'text without template placeholders',
      },
    ]);
    expect(findPlaceholders('正文', ['intro', 0])).toStrictEqual([]);
  });
});
