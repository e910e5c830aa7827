import { formatIssue } from '../../issues/createIssue.ts';
import type { RenderJobRecord } from '../../queue/index.ts';
import { CliError, CliUsageError, EXIT_CODES } from '../errors.ts';
import type { _Lang } from '../_text.ts';

/** @internal `--redis <url>`: where the queue lives. */
export const _redisArg = {
  type: 'string',
  valueName: 'redis://host:6379',
  required: true,
  description: { zh: 'Redis 地址（队列所在）', en: 'the Redis server holding the queue' },
} as const;

/** @internal `--queue <name>`: the queue's name in Redis. */
export const _queueNameArg = {
  type: 'string',
  valueName: 'name',
  description: { zh: '队列名（默认 gov-report-pdf）；生产者与 worker 须一致', en: 'queue name (default gov-report-pdf); producers and workers must agree' },
} as const;

/**
 * @internal Loads the queue module on first use, so other commands never load BullMQ.
 *
 * @returns The module.
 */
export async function _loadQueue(): Promise<typeof import('../../queue/index.ts')> {
  return import('../../queue/index.ts');
}

/**
 * @internal Runs a queue call and turns the queue's own errors (bad address, Redis down) into CLI
 * errors: a bad address is a usage error (exit 2), an unreachable server a failure (exit 3).
 *
 * @param command The command, for the usage hint.
 * @param call The call.
 * @returns Its result.
 */
export async function _withQueueErrors<T>(command: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const { RenderQueueError } = await _loadQueue();
    if (!(error instanceof RenderQueueError)) throw error;
    if (error.code === 'E_QUEUE_URL') throw new CliUsageError('E_INVALID_VALUE', error.bilingual, command);
    throw new CliError(error.code, error.bilingual, EXIT_CODES.failure, { cause: error });
  }
}

/**
 * @internal Reads a whole number option within bounds.
 *
 * @param command The command, for the usage hint.
 * @param flag The flag as written (`--concurrency`).
 * @param value The value given, or `undefined`.
 * @param min The smallest allowed.
 * @param max The largest allowed.
 * @returns The number, or `undefined` when not given.
 */
export function _wholeNumber(command: string, flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new CliUsageError('E_INVALID_VALUE', { zh: `${flag} 须为 ${min} 到 ${max} 的整数，实际为 ${value}`, en: `${flag} must be a whole number from ${min} to ${max}, got ${value}` }, command);
  }
  return number;
}

/** @internal One finished job as `queue results` and `worker` print it: the shape of a `batch` line plus the job id. */
export interface _JobLine {
  /** The job id. */
  readonly id: string;
  /** The input file, when the job came from one. */
  readonly file?: string;
  /** Whether a PDF was written. */
  readonly ok: boolean;
  /** The PDF's path (on the worker that wrote it). */
  readonly output?: string;
  /** Pages. */
  readonly pages?: number;
  /** Bytes of the PDF. */
  readonly bytes?: number;
  /** Warnings (rendered) or errors (refused), one line each; the reason of another failure. */
  readonly problems: readonly string[];
  /** The error code when failed. */
  readonly code?: string;
  /** Times a worker started the job. */
  readonly attempts: number;
}

/**
 * @internal The printed form of a finished job.
 *
 * @param record The job's record.
 * @param lang The language of the problems.
 * @returns The line's object (print it with `JSON.stringify`).
 */
export function _jobLine(record: RenderJobRecord, lang: _Lang): _JobLine {
  const problems = record.issues.length > 0 || record.reason === undefined ? record.issues.map((issue) => formatIssue(issue, lang)) : [record.reason];
  return {
    id: record.id,
    ...(record.file === undefined ? {} : { file: record.file }),
    ok: record.ok === true,
    ...(record.output === undefined ? {} : { output: record.output, pages: record.pages, bytes: record.bytes }),
    problems,
    ...(record.code === undefined ? {} : { code: record.code }),
    attempts: record.attempts,
  };
}
