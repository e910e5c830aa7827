/**
 * Checks of what the library returns or throws for one fuzz input, shared by the validation
 * fuzz, the render fuzz and the soak script. Each check returns a list of problems (empty when
 * the outcome is acceptable), so a failing run can say everything that is wrong at once.
 */
import { formatPath } from '../../src/issues/formatPath.ts';
import type { ReportIssue } from '../../src/issues/issue.ts';
import type { ReportValidation } from '../../src/schema/validateReport/validateReport.ts';
import { GovReportError } from '../../src/errors/errors.ts';
import { POLLUTION_MARKER } from './arbitraries.ts';

const ISSUE_KEYS = new Set(['code', 'severity', 'path', 'pathText', 'message', 'expected']);

/**
 * Problems with one issue: empty code, unknown severity, a path that is not an array of keys
 * and indices, a `pathText` that is not `formatPath(path)`, a message missing a language,
 * an empty `expected`, or any key beyond the {@link ReportIssue} fields.
 *
 * @param issue The issue (typed loosely: it is what is being checked).
 * @param severity The severity it must have, if fixed.
 * @returns The problems found.
 */
export function issueProblems(issue: unknown, severity?: 'error' | 'warning'): string[] {
  const problems: string[] = [];
  if (issue === null || typeof issue !== 'object') return [`issue is not an object: ${String(issue)}`];
  const candidate = issue as Partial<Record<keyof ReportIssue, unknown>>;
  for (const key of Object.keys(issue)) if (!ISSUE_KEYS.has(key)) problems.push(`unexpected key "${key}"`);
  if (typeof candidate.code !== 'string' || candidate.code === '') problems.push(`code is not a non-empty string: ${String(candidate.code)}`);
  if (candidate.severity !== 'error' && candidate.severity !== 'warning') problems.push(`severity is ${String(candidate.severity)}`);
  if (severity !== undefined && candidate.severity !== severity) problems.push(`severity is ${String(candidate.severity)}, expected ${severity}`);
  const path = candidate.path;
  if (!Array.isArray(path) || !path.every((segment) => typeof segment === 'string' || (typeof segment === 'number' && Number.isInteger(segment) && segment >= 0))) {
    problems.push(`path is not an array of keys and indices: ${String(path)}`);
  } else if (candidate.pathText !== formatPath(path)) {
    problems.push(`pathText ${JSON.stringify(candidate.pathText)} is not formatPath(path) = ${JSON.stringify(formatPath(path))}`);
  }
  const message = candidate.message as { zh?: unknown; en?: unknown } | undefined;
  if (message === null || typeof message !== 'object') problems.push('message is missing');
  else {
    if (typeof message.zh !== 'string' || message.zh.trim() === '') problems.push('message.zh is empty');
    if (typeof message.en !== 'string' || message.en.trim() === '') problems.push('message.en is empty');
    if (Object.keys(message).some((key) => key !== 'zh' && key !== 'en')) problems.push(`message has keys ${Object.keys(message).join(', ')}`);
  }
  if ('expected' in candidate && (typeof candidate.expected !== 'string' || candidate.expected === '')) {
    problems.push(`expected is present but not a non-empty string: ${String(candidate.expected)}`);
  }
  return problems;
}

/**
 * Whether every segment of `path` but the last is an own property of the input, so that the
 * path leads to where the problem is (the last segment may be a missing required key).
 *
 * @param input The validated input.
 * @param path The issue's path.
 * @returns A problem, or `undefined`.
 */
export function pathProblem(input: unknown, path: readonly (string | number)[]): string | undefined {
  let node = input;
  for (let i = 0; i < path.length - 1; i += 1) {
    const key = path[i]!;
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) {
      return `path ${formatPath(path)} leaves the input at ${formatPath(path.slice(0, i + 1))}`;
    }
    node = (node as Record<string | number, unknown>)[key];
  }
  return undefined;
}

/**
 * Problems with the outcome of `validateReport`: it must be `{ ok: true, report, issues: [] }`
 * or `{ ok: false, issues }` with at least one well-formed error issue whose path leads into
 * the input.
 *
 * @param result What `validateReport` returned.
 * @param input What it was given.
 * @returns The problems found.
 */
export function validationProblems(result: ReportValidation, input: unknown): string[] {
  if (result === null || typeof result !== 'object') return [`result is not an object: ${String(result)}`];
  if (result.ok === true) {
    const problems: string[] = [];
    if (result.report === null || typeof result.report !== 'object') problems.push('ok result without a report');
    if (!Array.isArray(result.issues) || result.issues.length !== 0) problems.push('ok result with issues');
    return problems;
  }
  if (result.ok !== false) return [`result.ok is ${String((result as { ok: unknown }).ok)}`];
  if (!Array.isArray(result.issues) || result.issues.length === 0) return ['failed result without issues'];
  return result.issues.flatMap((issue, index) => {
    const problems = issueProblems(issue, 'error');
    const lost = Array.isArray(issue.path) ? pathProblem(input, issue.path) : undefined;
    if (lost !== undefined) problems.push(lost);
    return problems.map((problem) => `issues[${index}] (${issue.pathText}: ${issue.message?.en}): ${problem}`);
  });
}

/**
 * Problems with a thrown value: it must be a {@link GovReportError} with a stable code and, when
 * it is about the input, well-formed issues.
 *
 * @param error What was thrown.
 * @returns The problems found.
 */
export function thrownProblems(error: unknown): string[] {
  if (!(error instanceof GovReportError)) {
    const described = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}\n${error.stack ?? ''}` : String(error);
    return [`threw something that is not a GovReportError: ${described}`];
  }
  const problems: string[] = [];
  if (typeof error.code !== 'string' || !error.code.startsWith('E_')) problems.push(`code is ${String(error.code)}`);
  if (error.name !== error.constructor.name) problems.push(`name ${error.name} is not the class name ${error.constructor.name}`);
  if (error.bilingual.zh.trim() === '' || error.bilingual.en.trim() === '') problems.push('bilingual message is empty');
  if (!Array.isArray(error.issues)) problems.push('issues is not an array');
  else error.issues.forEach((issue, index) => issueProblems(issue).forEach((problem) => problems.push(`issues[${index}]: ${problem}`)));
  const inputCodes = ['E_INVALID_REPORT', 'E_INPUT_LIMIT', 'E_RESOURCE_DENIED', 'E_IMAGE', 'E_REFUSED_STRICT'];
  if (inputCodes.includes(error.code) && error.issues.length === 0) problems.push(`${error.code} without issues (no path)`);
  return problems;
}

/** Names of the own properties of the built-in prototypes, to detect pollution. */
export function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
    .map((proto) => Reflect.ownKeys(proto).map(String).sort().join(','))
    .join('|');
}

/**
 * Problems showing that a prototype was polluted: the fuzz marker reachable from a fresh object
 * or array, or own keys of the built-in prototypes that were not there before.
 *
 * @param before {@link prototypeSnapshot} taken before the runs.
 * @returns The problems found.
 */
export function pollutionProblems(before: string): string[] {
  const problems: string[] = [];
  if (POLLUTION_MARKER in {}) problems.push(`Object.prototype.${POLLUTION_MARKER} exists`);
  if (POLLUTION_MARKER in []) problems.push(`Array.prototype.${POLLUTION_MARKER} exists`);
  if (prototypeSnapshot() !== before) problems.push('the own keys of a built-in prototype changed');
  return problems;
}

/** Tallies outcomes by kind (`ok`, `invalid:<code>`, `threw:<code>`, …) for the final report. */
export class OutcomeTally {
  /** Count per outcome kind. */
  readonly counts = new Map<string, number>();
  /** Number of inputs tallied. */
  total = 0;

  /**
   * Records one outcome.
   *
   * @param kind The outcome kind.
   */
  add(kind: string): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  /**
   * Records a validation outcome: `ok`, or one entry per distinct issue code.
   *
   * @param result What `validateReport` returned.
   */
  addValidation(result: ReportValidation): void {
    this.total += 1;
    if (result.ok) this.add('ok');
    else {
      this.add('invalid');
      for (const code of new Set(result.issues.map((issue) => issue.code))) this.add(`  code:${code}`);
    }
  }

  /**
   * The counts as lines, largest first.
   *
   * @returns Text.
   */
  format(): string {
    return [...this.counts.entries()]
      .sort((a, b) => (a[0].startsWith(' ') === b[0].startsWith(' ') ? b[1] - a[1] : a[0].startsWith(' ') ? 1 : -1))
      .map(([kind, count]) => `${kind.padEnd(34)} ${count}`)
      .join('\n');
  }
}
