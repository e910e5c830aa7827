import type { BilingualText } from '../../issues/issue.ts';

/** Stable codes of the queue's own errors. */
export type RenderQueueErrorCode =
  /** Redis could not be reached in time (wrong address, server down, network). */
  | 'E_QUEUE_UNAVAILABLE'
  /** The Redis address is not a `redis://` or `rediss://` URL. */
  | 'E_QUEUE_URL';

/** An error of the render queue itself (not of a report): a stable code and a message in both languages. */
export class RenderQueueError extends Error {
  /** Stable code. */
  readonly code: RenderQueueErrorCode;
  /** The message in both languages. */
  readonly bilingual: BilingualText;

  /**
   * @param code Stable code.
   * @param message What went wrong and what to do.
   * @param options Standard error options (`cause`).
   */
  constructor(code: RenderQueueErrorCode, message: BilingualText, options?: { cause?: unknown }) {
    super(`${message.zh} / ${message.en}`, options);
    this.name = 'RenderQueueError';
    this.code = code;
    this.bilingual = message;
  }
}
