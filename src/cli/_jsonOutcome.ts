import { GovReportError } from '../errors/errors.ts';
import type { BilingualText, ReportIssue } from '../issues/issue.ts';
import { CliError, JsonSyntaxError } from './errors.ts';
import { createIssue } from '../issues/createIssue.ts';

/** @internal What `--json` prints when a command fails: the error's code and message, and the issues behind it. */
export interface _JsonFailure {
  /** Always `false`. */
  readonly ok: false;
  /** The error code (`E_INVALID_REPORT`, `E_INPUT_LIMIT`, `E_READ_FILE`, …; `E_UNEXPECTED` for a bug). */
  readonly code: string;
  /** The error's message in both languages. */
  readonly message: BilingualText;
  /** The issues, as the API returns them (an invalid JSON text is one `invalid_json` issue). */
  readonly issues: readonly ReportIssue[];
}

/**
 * @internal The `--json` document of a failure.
 *
 * @param error What was thrown.
 * @returns The document.
 */
export function _jsonFailure(error: unknown): _JsonFailure {
  if (error instanceof GovReportError) return { ok: false, code: error.code, message: error.bilingual, issues: error.issues };
  if (error instanceof JsonSyntaxError) {
    // The same issue code the library gives invalid JSON, with the CLI's line and column.
    return { ok: false, code: error.code, message: error.bilingual, issues: [createIssue('invalid_json', 'error', [], error.bilingual, 'JSON text')] };
  }
  if (error instanceof CliError) return { ok: false, code: error.code, message: error.bilingual, issues: [] };
  const text = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : String(error);
  return { ok: false, code: 'E_UNEXPECTED', message: { zh: `意外错误：${text}`, en: `unexpected error: ${text}` }, issues: [] };
}
