import { GovReportError, type GovReportErrorCode } from '../../errors/errors.ts';
import type { ReportIssue } from '../../issues/issue.ts';

/**
 * Library error codes that mean "the input is wrong": rendering the same job again gives the
 * same answer, so such a job fails at once with its issues instead of being retried.
 */
export const REFUSAL_CODES: ReadonlySet<GovReportErrorCode> = new Set<GovReportErrorCode>([
  'E_INVALID_REPORT',
  'E_REFUSED_STRICT',
  'E_INVALID_LAYOUT',
  'E_UNKNOWN_LAYOUT',
  'E_INPUT_LIMIT',
  'E_RESOURCE_DENIED',
  'E_INVALID_ARGUMENT',
]);

/** How a failed render is handled by the queue. */
export type FailureKind =
  /** The report or its options were refused: fail the job now, with the issues. */
  | 'refused'
  /** Anything else (fonts, a time budget on a busy machine, a crash, a bug): retry with backoff. */
  | 'retry';

/** A failed render, as the queue records it. */
export interface ClassifiedFailure {
  /** Whether to retry. */
  readonly kind: FailureKind;
  /** The library's error code, or `E_INTERNAL` for anything that is not a library error. */
  readonly code: string;
  /** The first line of the message (what a person reads in a dashboard). */
  readonly message: string;
  /** The issues behind the error, each with its path; empty when the error is not about input. */
  readonly issues: readonly ReportIssue[];
}

/**
 * Decides whether a failed render is the report's fault (not retried) or not (retried).
 *
 * @param error What the render threw.
 * @returns Kind, code, message and issues.
 */
export function classifyFailure(error: unknown): ClassifiedFailure {
  if (error instanceof GovReportError) {
    return {
      kind: REFUSAL_CODES.has(error.code) ? 'refused' : 'retry',
      code: error.code,
      message: `${error.bilingual.zh} / ${error.bilingual.en}`,
      issues: error.issues,
    };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : String(error);
  return { kind: 'retry', code: 'E_INTERNAL', message, issues: [] };
}
