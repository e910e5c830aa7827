import { describe, expect, test } from 'vitest';
import { JsonSyntaxError } from '../../src/cli/errors.ts';
import { _findJsonSyntaxError, _lineColumn } from '../../src/cli/_findJsonSyntaxError.ts';
import { _parseJson } from '../../src/cli/_readJsonFile.ts';

const encode = (text: string) => new TextEncoder().encode(text);

/** Parses and returns the JsonSyntaxError thrown. */
function syntaxError(text: string | Uint8Array): JsonSyntaxError {
  try {
    _parseJson(typeof text === 'string' ? encode(text) : text, 'r.json');
  } catch (error) {
    expect(error).toBeInstanceOf(JsonSyntaxError);
    return error as JsonSyntaxError;
  }
  throw new Error('expected a syntax error');
}

describe('_parseJson', () => {
  test('parses valid JSON and skips a UTF-8 byte-order mark', () => {
    expect(_parseJson(encode('\uFEFF{"标题": [1, 2.5e3, true, null]}'), 'r.json')).toEqual({ 标题: [1, 2500, true, null] });
  });

  test.each([
    ['{"a": 1,}', 1, 8, 'trailing comma before \'}\''],
    ['[1, 2,\n]', 1, 6, "trailing comma before ']'"],
    ['{"a": 1', 1, 8, "expected ',' or '}' but the file ended (a missing bracket or quote?)"],
    ['', 1, 1, 'expected a value but the file ended'],
    ['{\n  "a": tru\n}', 2, 8, 'expected a value but found "t"'],
    ["{'a': 1}", 1, 2, `expected a property name in double quotes but found "'"; JSON strings take double quotes`],
    ['{"a" 1}', 1, 6, "expected ':' but found \"1\""],
    ['{"a": "x\ty"}', 1, 9, 'unescaped line break or tab in a string'],
    ['{"a": "C:\\dir"}', 1, 10, 'invalid escape'],
    ['{"a": "open}', 1, 7, 'this string has no closing quote'],
    ['{"a": 01}', 1, 7, 'invalid number'],
    ['{"a": 1}}', 1, 9, 'unexpected content after the end of the JSON'],
    ['{"名称": "水务局"，\n "b": 1}', 1, 13, 'JSON punctuation must be half-width'],
  ])('%j → line %i, column %i', (text, line, column, reason) => {
    const error = syntaxError(text);
    expect({ line: error.line, column: error.column, code: error.code, exitCode: error.exitCode }).toEqual({ line, column, code: 'E_INVALID_JSON', exitCode: 1 });
    expect(error.bilingual.en).toContain(reason);
    expect(error.bilingual.en).toMatch(new RegExp(`^r\\.json line ${line}, column ${column}: invalid JSON, `, 'u'));
    expect(error.bilingual.zh).toMatch(new RegExp(`^r\\.json 第 ${line} 行第 ${column} 列：JSON 格式错误，`, 'u'));
  });

  test('a file that is not UTF-8 (e.g. GBK) says so, with the position of the first bad byte', () => {
    const gbk = Uint8Array.from([0x7b, 0x0a, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xce, 0xf1, 0x22, 0x7d]); // {\n"a":"务"} in GBK
    const error = syntaxError(gbk);
    expect([error.line, error.column]).toEqual([2, 6]);
    expect(error.bilingual.en).toContain('the file is not UTF-8 (GBK?); save it as UTF-8');
  });
});

describe('_findJsonSyntaxError agrees with JSON.parse', () => {
  test.each(['{}', '[]', '"x"', '-0.5E+2', ' {"a":[{"b":"\\u4e2d\\n"}]} ', 'true'])('%j is valid', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(_findJsonSyntaxError(text)).toBeUndefined();
  });
});

test('_lineColumn counts characters, not bytes', () => {
  expect(_lineColumn('ab\n水务局x', 7)).toEqual({ line: 2, column: 5 });
});
