import { GovReportError, type GovReportErrorCode } from '../errors/errors.ts';
import { CliError, EXIT_CODES, type ExitCode } from './errors.ts';
import { _issueLine, _say, type _Lang } from './_text.ts';

/** Exit code of each library error: the report's fault (1), the command line's (2), or not the user's (3). */
const LIBRARY_EXIT_CODES: Readonly<Record<GovReportErrorCode, ExitCode>> = {
  E_INVALID_REPORT: EXIT_CODES.refused,
  E_REFUSED_STRICT: EXIT_CODES.refused,
  E_INVALID_LAYOUT: EXIT_CODES.refused,
  E_UNKNOWN_LAYOUT: EXIT_CODES.refused,
  E_INPUT_LIMIT: EXIT_CODES.refused,
  E_RESOURCE_DENIED: EXIT_CODES.refused,
  E_IMAGE: EXIT_CODES.refused,
  E_INVALID_ARGUMENT: EXIT_CODES.usage,
  E_FONT: EXIT_CODES.failure,
  E_RENDER_FAILED: EXIT_CODES.failure,
  E_RENDER_TIMEOUT: EXIT_CODES.failure,
  E_QUEUE_FULL: EXIT_CODES.failure,
  E_RENDER_ABORTED: EXIT_CODES.failure,
  E_WORKER_MEMORY: EXIT_CODES.refused,
  E_PLAN_MISMATCH: EXIT_CODES.failure,
};

/** @internal What to print for an error, and the exit code. */
export interface _ErrorReport {
  /** Lines for standard error. */
  readonly lines: readonly string[];
  /** The exit code. */
  readonly exitCode: ExitCode;
}

/**
 * @internal Turns any thrown value into lines for standard error and an exit code: the CLI's
 * and the library's errors print their message and issues; anything else is a bug, shown
 * briefly (the stack only with `--debug`).
 *
 * @param error The thrown value.
 * @param lang The language to print.
 * @param debug Whether to print stacks.
 * @returns Lines and exit code.
 */
export function _describeError(error: unknown, lang: _Lang, debug: boolean): _ErrorReport {
  if (error instanceof CliError || error instanceof GovReportError) {
    const lines = [`× ${_say(error.bilingual, lang)} (${error.code})`];
    if (error instanceof GovReportError) lines.push(...error.issues.map((issue) => `  ${_issueLine(issue, lang)}`));
    if (debug) lines.push(...stackLines(error));
    return { lines, exitCode: error instanceof CliError ? error.exitCode : LIBRARY_EXIT_CODES[error.code] ?? EXIT_CODES.failure };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : String(error);
  const bug = {
    zh: `意外错误：${message}。这是 gov-report-pdf 的缺陷，请附上输入文件提交问题`,
    en: `unexpected error: ${message}. This is a bug in gov-report-pdf; please report it with the input`,
  };
  const hint = { zh: '加 --debug 可查看堆栈', en: 'add --debug to see the stack trace' };
  return { lines: [`× ${_say(bug, lang)}`, ...(debug ? stackLines(error) : [`  ${_say(hint, lang)}`])], exitCode: EXIT_CODES.failure };
}

function stackLines(error: unknown): string[] {
  const lines: string[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 5; depth++) {
    lines.push(current instanceof Error ? (current.stack ?? String(current)) : String(current));
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined) lines.push('Caused by:');
  }
  return lines;
}
