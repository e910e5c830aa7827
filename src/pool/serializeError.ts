import * as errors from '../errors/errors.ts';
import type { BilingualText, ReportIssue } from '../issues/issue.ts';

/** A library error as plain data, to cross a worker-thread boundary. */
export interface SerializedError {
  /** Class name, e.g. `ReportValidationError`; `Error` for anything else. */
  readonly name: string;
  /** Stable code, for library errors. */
  readonly code?: errors.GovReportErrorCode;
  /** The message in both languages, for library errors. */
  readonly bilingual?: BilingualText;
  /** The issues, for library errors. */
  readonly issues?: readonly ReportIssue[];
  /** The plain message. */
  readonly message: string;
}

const CLASSES: Record<string, { readonly prototype: errors.GovReportError }> = {
  GovReportError: errors.GovReportError,
  ReportValidationError: errors.ReportValidationError,
  StrictModeRefusalError: errors.StrictModeRefusalError,
  LayoutPresetError: errors.LayoutPresetError,
  FontError: errors.FontError,
  InputLimitError: errors.InputLimitError,
  ResourceDeniedError: errors.ResourceDeniedError,
  ImageError: errors.ImageError,
  RenderFailedError: errors.RenderFailedError,
  RenderTimeoutError: errors.RenderTimeoutError,
  QueueFullError: errors.QueueFullError,
  RenderAbortedError: errors.RenderAbortedError,
  WorkerMemoryError: errors.WorkerMemoryError,
  PlanMismatchError: errors.PlanMismatchError,
  InvalidArgumentError: errors.InvalidArgumentError,
};

/**
 * Turns an error into data that survives `postMessage` (structured clone keeps no classes).
 *
 * @param error What was thrown.
 * @returns Plain data.
 */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof errors.GovReportError) {
    return { name: error.name, code: error.code, bilingual: error.bilingual, issues: error.issues, message: error.message };
  }
  return { name: 'Error', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Rebuilds the library error of the same class on this side of the boundary, so callers of the
 * pool can use `instanceof` and `code` exactly as with an in-process render.
 *
 * @param data The serialized error.
 * @returns An error instance.
 */
export function reviveError(data: SerializedError): Error {
  const Class = CLASSES[data.name];
  if (Class === undefined || data.code === undefined || data.bilingual === undefined) return new errors.RenderFailedError(new Error(data.message));
  const revived = Object.create(Class.prototype) as errors.GovReportError;
  const base = new errors.GovReportError(data.code, data.bilingual, data.issues ?? []);
  Object.assign(revived, { message: base.message, code: data.code, bilingual: data.bilingual, issues: data.issues ?? [], stack: base.stack });
  Object.defineProperty(revived, 'name', { value: data.name, enumerable: false, configurable: true, writable: true });
  return revived;
}
