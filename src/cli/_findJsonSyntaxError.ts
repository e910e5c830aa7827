import type { BilingualText } from '../issues/issue.ts';

/** @internal Where a JSON text first goes wrong, and why. */
export interface _JsonSyntaxProblem {
  /** Offset in the text (UTF-16 code units). */
  readonly offset: number;
  /** What is wrong there, in both languages. */
  readonly reason: BilingualText;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly reason: BilingualText,
  ) {}
}

const FULL_WIDTH = new Set(['，', '：', '“', '”', '‘', '’', '｛', '｝', '［', '］', '；']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/uy;
const COMMA = { zh: '逗号', en: "','" };

/**
 * @internal Finds the first syntax error of a JSON text with a strict RFC 8259 scan, so the CLI
 * can name its line and column and say in both languages what was expected (V8's messages
 * carry no position for some errors and are English only).
 *
 * @param text The JSON text (without a byte-order mark).
 * @returns The problem, or `undefined` if the text is valid JSON.
 */
export function _findJsonSyntaxError(text: string): _JsonSyntaxProblem | undefined {
  let i = 0;
  const expected = (what: BilingualText, at = i) => new Stop(at, describeExpected(what, text[at]));
  const skipSpace = () => {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  };
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') return list('}', () => {
      if (text[i] !== '"') throw expected({ zh: '带双引号的键名', en: 'a property name in double quotes' });
      string();
      skipSpace();
      if (text[i] !== ':') throw expected({ zh: '冒号', en: "':'" });
      i++;
      value();
    });
    if (c === '[') return list(']', value);
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    const word = ['true', 'false', 'null'].find((literal) => text.startsWith(literal, i));
    if (word === undefined) throw expected({ zh: '值', en: 'a value' });
    i += word.length;
  };
  const list = (close: string, item: () => void): void => {
    i++;
    skipSpace();
    if (text[i] === close) return void i++;
    for (;;) {
      skipSpace();
      item();
      skipSpace();
      if (text[i] === close) return void i++;
      if (text[i] !== ',') throw expected({ zh: `${COMMA.zh}或 ${close}`, en: `${COMMA.en} or '${close}'` });
      const comma = i++;
      skipSpace();
      if (text[i] === close) throw new Stop(comma, { zh: `${close} 前多了一个逗号`, en: `trailing comma before '${close}'` });
    }
  };
  const string = (): void => {
    const start = i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) throw new Stop(start, { zh: '字符串缺少结尾的双引号', en: 'this string has no closing quote' });
      if (c === '"') return void i++;
      if (c < ' ') {
        throw new Stop(i, { zh: '字符串中有未转义的换行或制表符（写作 \\n、\\t）', en: 'unescaped line break or tab in a string (write \\n, \\t)' });
      }
      if (c === '\\') {
        const next = text[i + 1] ?? '';
        const ok = ESCAPES.has(next) || (next === 'u' && /^[0-9a-fA-F]{4}$/u.test(text.slice(i + 2, i + 6)));
        if (!ok) throw new Stop(i, { zh: '无效的转义符（反斜杠须写作 \\\\）', en: 'invalid escape (write a backslash as \\\\)' });
        i += next === 'u' ? 6 : 2;
      } else i++;
    }
  };
  const number = (): void => {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    const end = match === null ? i : i + match[0].length;
    if (match === null || /[0-9.eE]/u.test(text[end] ?? '')) throw new Stop(i, { zh: '无效的数字', en: 'invalid number' });
    i = end;
  };
  try {
    value();
    skipSpace();
    if (i < text.length) throw new Stop(i, { zh: 'JSON 结束后还有多余内容', en: 'unexpected content after the end of the JSON' });
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, reason: error.reason };
    throw error;
  }
}

/**
 * @internal The 1-based line and column (in characters) of an offset.
 *
 * @param text The text.
 * @param offset An offset in it.
 * @returns Line and column.
 */
export function _lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

function describeExpected(what: BilingualText, found: string | undefined): BilingualText {
  if (found === undefined) {
    return { zh: `此处应为${what.zh}，但文件已结束（缺少括号或引号？）`, en: `expected ${what.en} but the file ended (a missing bracket or quote?)` };
  }
  const shown = JSON.stringify(found);
  const hint = FULL_WIDTH.has(found)
    ? { zh: '；JSON 的符号须用半角，如 , : " { }', en: '; JSON punctuation must be half-width, like , : " { }' }
    : found === "'"
      ? { zh: '；JSON 字符串须用双引号', en: '; JSON strings take double quotes' }
      : { zh: '', en: '' };
  return { zh: `此处应为${what.zh}，却是 ${shown}${hint.zh}`, en: `expected ${what.en} but found ${shown}${hint.en}` };
}
