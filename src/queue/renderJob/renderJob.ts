import type { ReportIssue } from '../../issues/issue.ts';
import type { RenderJobOptions } from '../jobOptions/jobOptions.ts';

/** What a render job carries in Redis: the report, its options and (for people) the file it came from. */
export interface RenderJobData {
  /** The report: parsed JSON, or JSON text. */
  readonly report: unknown;
  /** Render options. */
  readonly options: RenderJobOptions;
  /** The input file's name, used in the PDF's name and in results. */
  readonly file?: string;
}

/** What a worker stores in Redis for a rendered job; the PDF itself stays on disk. */
export interface RenderJobResult {
  /** The PDF's absolute path on the worker that wrote it. */
  readonly output: string;
  /** The PDF's file name in the output folder. */
  readonly name: string;
  /** Pages. */
  readonly pages: number;
  /** Bytes of the PDF. */
  readonly bytes: number;
  /** Warnings (at most {@link MAX_STORED_ISSUES}). */
  readonly warnings: readonly ReportIssue[];
  /** Warnings left out past the cap. */
  readonly moreWarnings: number;
}

/** At most this many issues of one job are kept in Redis (warnings, or the issues of a refusal). */
export const MAX_STORED_ISSUES = 200;

/** States a job can be in; `unknown` when no job has the id (never submitted, or expired). */
export type RenderJobState = 'waiting' | 'prioritized' | 'delayed' | 'active' | 'completed' | 'failed' | 'waiting-children' | 'unknown';

/** A job as the producer side sees it: one line of `queue results`, the body of `GET /v1/jobs/{id}`. */
export interface RenderJobRecord {
  /** The job id. */
  readonly id: string;
  /** The input file's name, when it came from a file. */
  readonly file?: string;
  /** Where the job is. */
  readonly state: RenderJobState;
  /** `true` once rendered, `false` once failed for good, absent while not finished. */
  readonly ok?: boolean;
  /** The PDF's file name in the output folder (rendered jobs). */
  readonly name?: string;
  /** The PDF's absolute path on the worker that wrote it (rendered jobs). */
  readonly output?: string;
  /** Pages (rendered jobs). */
  readonly pages?: number;
  /** Bytes of the PDF (rendered jobs). */
  readonly bytes?: number;
  /** The error code of a failed job: a library code (`E_INVALID_REPORT`…), `E_INTERNAL` or `E_STALLED`. */
  readonly code?: string;
  /** The failure's message, first line (failed jobs). */
  readonly reason?: string;
  /** Warnings of a rendered job, or the issues of a refused one, each with its path. */
  readonly issues: readonly ReportIssue[];
  /** Times a worker started the job (more than 1 after a retry or a dead worker). */
  readonly attempts: number;
  /** Times the job was taken back from a worker that stopped answering. */
  readonly stalled: number;
  /** When the job finished (ms since the epoch). */
  readonly finishedOn?: number;
}

/** The fields of a BullMQ job that a record is built from. */
export interface StoredJob {
  readonly id?: string | undefined;
  readonly data: RenderJobData;
  readonly returnvalue?: RenderJobResult | null;
  readonly failedReason?: string;
  readonly attemptsStarted?: number;
  readonly attemptsMade: number;
  readonly stalledCounter?: number;
  readonly finishedOn?: number;
}

/**
 * Builds the record of a job from what BullMQ stored.
 *
 * @param job The stored job.
 * @param state Its state.
 * @param logs Its log lines: the issues of a refusal, one JSON object each.
 * @returns The record.
 */
export function toJobRecord(job: StoredJob, state: RenderJobState, logs: readonly string[]): RenderJobRecord {
  const base = {
    id: job.id ?? '',
    ...(job.data.file === undefined ? {} : { file: job.data.file }),
    state,
    attempts: Math.max(job.attemptsStarted ?? 0, job.attemptsMade),
    stalled: job.stalledCounter ?? 0,
    ...(job.finishedOn === undefined ? {} : { finishedOn: job.finishedOn }),
  };
  if (state === 'completed' && job.returnvalue != null) {
    const result = job.returnvalue;
    return { ...base, ok: true, name: result.name, output: result.output, pages: result.pages, bytes: result.bytes, issues: result.warnings };
  }
  if (state === 'failed') {
    const reason = job.failedReason ?? '';
    return { ...base, ok: false, code: failureCode(reason), reason, issues: logs.flatMap(parseIssue) };
  }
  return { ...base, issues: [] };
}

/**
 * The code at the start of a failure message (`E_INVALID_REPORT: …`); `E_STALLED` when BullMQ
 * gave up on a job whose workers kept dying; `E_INTERNAL` otherwise.
 *
 * @param reason The failed reason BullMQ stored.
 * @returns The code.
 */
export function failureCode(reason: string): string {
  const code = /^(E_[A-Z_]+): /u.exec(reason)?.[1];
  if (code !== undefined) return code;
  return /stalled/iu.test(reason) ? 'E_STALLED' : 'E_INTERNAL';
}

function parseIssue(line: string): ReportIssue[] {
  try {
    const issue = JSON.parse(line) as Partial<ReportIssue>;
    return typeof issue.pathText === 'string' && typeof issue.message?.zh === 'string' ? [issue as ReportIssue] : [];
  } catch {
    return [];
  }
}
