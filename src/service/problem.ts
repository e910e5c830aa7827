import { GovReportError, type GovReportErrorCode } from '../errors/errors.ts';
import type { BilingualText, ReportIssue } from '../issues/issue.ts';

/** An RFC 9457 problem details object, as the service sends it (`application/problem+json`). */
export interface Problem {
  /** A URN naming the kind of problem. */
  readonly type: string;
  /** Short English summary of the kind of problem. */
  readonly title: string;
  /** The HTTP status. */
  readonly status: number;
  /** What went wrong and what to do, `zh / en`. */
  readonly detail: string;
  /** Stable code: the library's (`E_INVALID_REPORT`) or the service's (`E_UNAUTHORIZED`, …). */
  readonly code: string;
  /** The request id. */
  readonly instance?: string;
  /** The report's problems, each with its path. */
  readonly issues?: readonly ReportIssue[];
}

/** Library errors that are about the report itself: a refusal the caller can fix (422, or issues from /v1/check). */
export const REPORT_ERROR_CODES: ReadonlySet<GovReportErrorCode> = new Set([
  'E_INVALID_REPORT',
  'E_REFUSED_STRICT',
  'E_INVALID_LAYOUT',
  'E_UNKNOWN_LAYOUT',
  'E_INPUT_LIMIT',
  'E_RESOURCE_DENIED',
  'E_IMAGE',
  'E_WORKER_MEMORY',
]);

const STATUS: Readonly<Record<GovReportErrorCode, number>> = {
  E_INVALID_REPORT: 422,
  E_REFUSED_STRICT: 422,
  E_INVALID_LAYOUT: 422,
  E_UNKNOWN_LAYOUT: 422,
  E_INPUT_LIMIT: 422,
  E_RESOURCE_DENIED: 422,
  // An image of the report is corrupt, unreadable or has too many pixels (issue 10).
  E_IMAGE: 422,
  // The report needs more memory than a worker may use: retrying will not help, a smaller report will.
  E_WORKER_MEMORY: 422,
  E_QUEUE_FULL: 429,
  E_RENDER_TIMEOUT: 504,
  // The caller left; nobody reads this answer, but the log records it.
  E_RENDER_ABORTED: 499,
  E_INVALID_ARGUMENT: 400,
  E_FONT: 500,
  E_RENDER_FAILED: 500,
  E_PLAN_MISMATCH: 500,
};

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  499: 'Client Closed Request',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * Builds a problem object.
 *
 * @param status HTTP status.
 * @param code Stable code.
 * @param message What went wrong, in both languages.
 * @param extra Request id, issues.
 * @returns The problem.
 */
export function problem(status: number, code: string, message: BilingualText, extra: { instance?: string; issues?: readonly ReportIssue[] } = {}): Problem {
  return {
    type: `urn:gov-report-pdf:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: `${message.zh} / ${message.en}`,
    code,
    ...(extra.instance === undefined ? {} : { instance: extra.instance }),
    ...(extra.issues === undefined || extra.issues.length === 0 ? {} : { issues: extra.issues }),
  };
}

/**
 * Turns a library error into its problem: the status says whose fault it is (422 the report's,
 * 429/503/504 the server's load, 500 a bug), the body carries the code and every issue.
 *
 * @param error A library error.
 * @param instance The request id.
 * @returns The problem.
 */
export function problemOfError(error: GovReportError, instance?: string): Problem {
  return problem(STATUS[error.code] ?? 500, error.code, error.bilingual, { ...(instance === undefined ? {} : { instance }), issues: error.issues });
}
