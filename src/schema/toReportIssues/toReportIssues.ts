import type * as z from 'zod';
import { createIssue } from '../../issues/createIssue.ts';
import type { BilingualText, IssuePathSegment, ReportIssue } from '../../issues/issue.ts';
import { ALLOWED_KEYS_MARKER } from '../strictObject/strictObject.ts';
import { MESSAGE_MARKER, type MarkedMessage } from '../messages/messages.ts';
import { nearestKey } from './nearestKey.ts';
import { describeCustom } from './describeCustom.ts';
import { roleOf } from './roleOf.ts';

type ZodIssue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, BilingualText> = {
  string: { zh: '文本', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'an integer' },
  boolean: { zh: '布尔值', en: 'a boolean' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '数组', en: 'an array' },
  null: { zh: 'null', en: 'null' },
  undefined: { zh: '缺失', en: 'missing' },
  nan: { zh: 'NaN', en: 'NaN' },
};

/**
 * Turns zod's issues into {@link ReportIssue}s with bilingual messages, paths written
 * `sections[2].content[0]`, and what would be valid. A failed union reports the branch that
 * got furthest, so `{ "heading": 3 }` says that the heading must be text rather than listing
 * every kind of block.
 *
 * @param issues zod issues.
 * @param input The value that was validated (to describe what was received).
 * @returns Report issues, all of severity `error`.
 */
export function toReportIssues(issues: readonly ZodIssue[], input: unknown): ReportIssue[] {
  return withoutEchoes(issues).flatMap((issue) => convert(issue, [], input));
}

function convert(issue: ZodIssue, prefix: readonly IssuePathSegment[], input: unknown): ReportIssue[] {
  const path = [...prefix, ...(issue.path as IssuePathSegment[])];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const best = pickBranch(issue.errors);
    // A union with its own message says it when the value fits none of its shapes at all.
    const wrongKind = best.every(
      (inner) => inner.path.length === 0 && inner.code !== 'unrecognized_keys' && (inner.code !== 'custom' || (inner.params as { rule?: string } | undefined)?.rule === undefined),
    );
    if (!(wrongKind && issue.message.startsWith(MESSAGE_MARKER))) return withoutEchoes(best).flatMap((inner) => convert(inner, path, input));
  }
  if (issue.message.startsWith(MESSAGE_MARKER)) {
    const marked = JSON.parse(issue.message.slice(MESSAGE_MARKER.length)) as MarkedMessage;
    return [createIssue(marked.code ?? codeOf(issue), 'error', path, { zh: marked.zh, en: marked.en }, marked.expected)];
  }
  const received = valueAt(input, path);
  const { message, expected } = describe(issue, path, received);
  return [createIssue(codeOf(issue), 'error', path, message, expected)];
}

/**
 * Drops issues that only restate another: a size or range complaint about a value whose type is
 * already wrong, and zod's built-in safe-integer bound next to our own range.
 */
function withoutEchoes(issues: readonly ZodIssue[]): ZodIssue[] {
  const wrongType = new Set(issues.filter((i) => i.code === 'invalid_type').map((i) => JSON.stringify(i.path)));
  const ranged = new Set(issues.filter((i) => (i.code === 'too_big' || i.code === 'too_small') && !isSafeIntegerBound(i)).map((i) => JSON.stringify(i.path)));
  return issues.filter((i) => {
    if (i.code !== 'too_big' && i.code !== 'too_small') return true;
    const key = JSON.stringify(i.path);
    return !wrongType.has(key) && !(isSafeIntegerBound(i) && ranged.has(key));
  });
}

function isSafeIntegerBound(issue: ZodIssue): boolean {
  const bound = issue.code === 'too_big' ? issue.maximum : issue.code === 'too_small' ? issue.minimum : undefined;
  return bound !== undefined && Math.abs(Number(bound)) === Number.MAX_SAFE_INTEGER;
}

function codeOf(issue: ZodIssue): string {
  if (issue.code === 'custom') {
    const rule = (issue.params as { rule?: string } | undefined)?.rule;
    return rule ?? 'custom';
  }
  return issue.code;
}

/** Picks the union branch whose issues are deepest and fewest: the branch the user meant. */
function pickBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] {
  let best = branches[0] ?? [];
  let bestScore = -Infinity;
  for (const candidate of branches) {
    const branch = expandUnions(candidate);
    // Deepest and fewest wins: the user got further into that shape. A value of the wrong kind
    // altogether (a string where an object is meant) or a discriminator that matches nothing
    // rules a branch out; unknown keys count against it unless they are typos of its own keys
    // (`headng` → `heading`), which point to the branch the user meant.
    let score = Math.max(0, ...branch.map((i) => i.path.length)) * 10 - branch.length;
    for (const issue of branch) {
      if (issue.path.length === 0 && issue.code === 'invalid_type') score -= 1000;
      if (issue.code === 'invalid_union' && issue.errors.length === 0) score -= 60;
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
        for (const key of issue.keys) score += nearestKey(key, allowedKeys(issue)) === undefined ? -50 : 20;
      }
    }
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Replaces each nested failed union by its best branch (paths prefixed), so branches are scored by what they really hold. */
function expandUnions(branch: readonly ZodIssue[]): ZodIssue[] {
  return branch.flatMap((issue) =>
    issue.code === 'invalid_union' && issue.errors.length > 0
      ? expandUnions(pickBranch(issue.errors)).map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as ZodIssue)
      : [issue],
  );
}

function allowedKeys(issue: ZodIssue): string[] {
  return issue.message.startsWith(ALLOWED_KEYS_MARKER) ? (JSON.parse(issue.message.slice(ALLOWED_KEYS_MARKER.length)) as string[]) : [];
}

function valueAt(root: unknown, path: readonly IssuePathSegment[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return value;
}

function kindOf(value: unknown): BilingualText {
  if (value === null) return TYPE_NAMES.null!;
  if (Array.isArray(value)) return TYPE_NAMES.array!;
  if (typeof value === 'number' && Number.isNaN(value)) return TYPE_NAMES.nan!;
  if (typeof value === 'number' && !Number.isFinite(value)) return { zh: '无穷大', en: 'Infinity' };
  return TYPE_NAMES[typeof value] ?? { zh: typeof value, en: typeof value };
}

function describe(
  issue: ZodIssue,
  path: readonly IssuePathSegment[],
  received: unknown,
): { message: BilingualText; expected?: string } {
  switch (issue.code) {
    case 'invalid_type': {
      const want = TYPE_NAMES[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      if (received === undefined) {
        return { message: { zh: `缺少必填项（应为${want.zh}）`, en: `is required (${want.en})` }, expected: want.en };
      }
      const got = kindOf(received);
      return { message: { zh: `应为${want.zh}，实际为${got.zh}`, en: `expected ${want.en}, received ${got.en}` }, expected: want.en };
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(issue);
      const parts = issue.keys.map((key) => {
        const near = nearestKey(key, allowed);
        return near === undefined
          ? { zh: `未知字段${quoteKey(key, 'zh')}`, en: `unknown key ${quoteKey(key, 'en')}` }
          : { zh: `未知字段${quoteKey(key, 'zh')}，是否应为“${near}”？`, en: `unknown key ${quoteKey(key, 'en')} — did you mean "${near}"?` };
      });
      return {
        message: { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') },
        expected: allowed.length > 0 ? `one of ${allowed.join(', ')}` : undefined,
      } as { message: BilingualText; expected?: string };
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return { message: { zh: `取值无效，应为以下之一：${values}`, en: `invalid value; expected one of ${values}` }, expected: `one of ${values}` };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' || (issue.origin === 'array' && min === 1)) {
        const what = roleOf(path, undefined);
        return issue.origin === 'string'
          ? { message: { zh: `${what.zh}不能为空`, en: `${what.en} must not be empty` }, expected: 'non-empty text' }
          : { message: { zh: '至少需要一项', en: 'must have at least one item' }, expected: 'at least one item' };
      }
      return issue.inclusive === false
        ? { message: { zh: `须大于 ${min}`, en: `must be greater than ${min}` }, expected: `> ${min}` }
        : { message: { zh: `不能小于 ${min}`, en: `must be at least ${min}` }, expected: `>= ${min}` };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (max === Number.MAX_SAFE_INTEGER) return { message: { zh: '数值过大', en: 'the number is too large' }, expected: `at most ${max}` };
      const unit = issue.origin === 'string' ? { zh: ' 个字符', en: ' characters' } : issue.origin === 'array' ? { zh: ' 项', en: ' items' } : { zh: '', en: '' };
      return {
        message: { zh: `超出上限：最多${unit.zh ? ` ${max}${unit.zh}` : ` ${max}`}`, en: `exceeds the limit of ${max}${unit.en}` },
        expected: `at most ${max}${unit.en}`,
      };
    }
    case 'invalid_union': {
      // A discriminated union whose discriminator matched no option (e.g. `"form": "table5"`).
      const options = (issue as { options?: unknown[] }).options;
      if (!Array.isArray(options)) return { message: { zh: '取值无效', en: 'invalid value' } };
      const values = options.map((v) => JSON.stringify(v)).join(', ');
      return { message: { zh: `取值无效，应为以下之一：${values}`, en: `invalid value; expected one of ${values}` }, expected: `one of ${values}` };
    }
    case 'invalid_format':
      return { message: { zh: '日期格式应为 YYYY-MM-DD，如 2021-01-15', en: 'dates are written YYYY-MM-DD, e.g. 2021-01-15' }, expected: 'YYYY-MM-DD' };
    case 'custom':
      return describeCustom(issue.params as Record<string, unknown> | undefined, path);
    default:
      return { message: { zh: '取值无效', en: 'invalid value' } };
  }
}

/** Quotes a key for a message; keys with quotes, spaces or control characters are escaped as JSON. */
function quoteKey(key: string, lang: 'zh' | 'en'): string {
  if (!/^[\p{L}\p{N}_$-]+$/u.test(key)) return JSON.stringify(key);
  return lang === 'zh' ? `“${key}”` : `"${key}"`;
}

