import type { ReportIssue } from '../issues/issue.ts';

/** Largest `X-Report-Problems` value in bytes: well under the 8–16 KB header budget of common proxies. */
export const PROBLEMS_HEADER_MAX_BYTES = 6144;

/** The headers that carry a render's warnings beside its PDF. */
export interface ProblemsHeaders {
  /** Base64url of the UTF-8 JSON array of issues (as many as fit, in order). */
  readonly 'x-report-problems': string;
  /** Number of issues of the render, all of them. */
  readonly 'x-report-problem-count': string;
  /** Present when the header holds fewer issues than the count: ask for multipart/mixed or call /v1/check for all. */
  readonly 'x-report-problems-truncated'?: 'true';
}

/**
 * Encodes a render's warnings for response headers. Header values must be ASCII, so the JSON
 * (Chinese messages included) travels as base64url; beyond {@link PROBLEMS_HEADER_MAX_BYTES}
 * the list is cut at an issue boundary and marked truncated.
 *
 * @param issues The warnings.
 * @returns The header values.
 */
export function encodeProblemsHeader(issues: readonly ReportIssue[]): ProblemsHeaders {
  const jsonBudget = Math.floor((PROBLEMS_HEADER_MAX_BYTES / 4) * 3) - 2;
  const parts: string[] = [];
  let bytes = 0;
  for (const issue of issues) {
    const part = JSON.stringify(issue);
    const size = Buffer.byteLength(part) + 1;
    if (bytes + size > jsonBudget) break;
    parts.push(part);
    bytes += size;
  }
  const value = Buffer.from(`[${parts.join(',')}]`, 'utf8').toString('base64url');
  return {
    'x-report-problems': value,
    'x-report-problem-count': String(issues.length),
    ...(parts.length < issues.length ? { 'x-report-problems-truncated': 'true' as const } : {}),
  };
}

/**
 * Decodes an `X-Report-Problems` value (what a client does).
 *
 * @param value The header value.
 * @returns The issues.
 */
export function decodeProblemsHeader(value: string): ReportIssue[] {
  return JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as ReportIssue[];
}
