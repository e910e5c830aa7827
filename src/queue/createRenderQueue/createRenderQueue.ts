import { Queue, type Job } from 'bullmq';
import { checkJobOptions, type RenderJobOptions } from '../jobOptions/jobOptions.ts';
import { checkRedisUrl, queueNameOf, waitForRedis, type RenderQueueConnection } from '../connection/connection.ts';
import { REFUSAL_CODES } from '../classifyFailure/classifyFailure.ts';
import { renderJobId } from '../renderJobId/renderJobId.ts';
import { failureCode, toJobRecord, type RenderJobData, type RenderJobRecord, type RenderJobResult, type RenderJobState } from '../renderJob/renderJob.ts';
import type { GovReportErrorCode } from '../../errors/errors.ts';
import { InvalidArgumentError } from '../../errors/errors.ts';

/** Options of the producer side of the queue. */
export interface RenderQueueOptions extends RenderQueueConnection {
  /** Tries of a job that fails for a reason other than its input (default 3). */
  readonly attempts?: number;
  /** First wait before a retry in ms, doubled each time (default 2000). */
  readonly backoffMs?: number;
  /** How long finished jobs and their results stay in Redis, in seconds (default 7 days). */
  readonly keepSeconds?: number;
  /** How long to wait for Redis before giving up with `E_QUEUE_UNAVAILABLE` (default 5000 ms). */
  readonly connectTimeoutMs?: number;
}

/** One report to submit. */
export interface SubmitRequest {
  /** The report: parsed JSON (or JSON text). */
  readonly report: unknown;
  /** Render options (checked: {@link checkJobOptions}). */
  readonly options?: RenderJobOptions;
  /** The input file's name, for the PDF's name and for people. */
  readonly file?: string;
  /** 1 is the most urgent, up to 2,097,152; default {@link DEFAULT_PRIORITY}. */
  readonly priority?: number;
}

/** What submitting a report did. */
export interface SubmitResult {
  /** The job id (derived from the report and options). */
  readonly id: string;
  /** `added`: a new job; `existing`: the same report and options are already queued, rendering or finished; `retried`: the same job had failed for a reason other than its input and was put back. */
  readonly outcome: 'added' | 'existing' | 'retried';
  /** The job's state after submitting. */
  readonly state: RenderJobState;
}

/** Jobs per state. */
export interface RenderQueueCounts {
  /** Waiting for a worker (including prioritized). */
  readonly waiting: number;
  /** Being rendered. */
  readonly active: number;
  /** Waiting for a retry. */
  readonly delayed: number;
  /** Rendered. */
  readonly completed: number;
  /** Failed for good. */
  readonly failed: number;
}

/** The producer and reader side of the render queue. */
export interface RenderQueue {
  /** The queue's name. */
  readonly name: string;
  /**
   * Adds a render job, unless a job with the same id (same report and options) exists.
   *
   * @param request The report, options, file name and priority.
   * @returns The id and what happened.
   */
  submit(request: SubmitRequest): Promise<SubmitResult>;
  /** Counts jobs per state. */
  counts(): Promise<RenderQueueCounts>;
  /**
   * Reads one job.
   *
   * @param id The job id.
   * @returns Its record, or `undefined` when no job has the id (never submitted, or expired).
   */
  job(id: string): Promise<RenderJobRecord | undefined>;
  /**
   * Reads every finished job (rendered or failed), oldest first, a page at a time.
   *
   * @returns The records.
   */
  finished(): AsyncIterable<RenderJobRecord>;
  /** Closes the connection. */
  close(): Promise<void>;
}

/** Default priority of a job: room above it for urgent re-renders (`priority: 1`). */
export const DEFAULT_PRIORITY = 10;
const MAX_PRIORITY = 2_097_152;
const PAGE = 200;

/**
 * Connects to the render queue as a producer: submits jobs and reads their state and results.
 * Jobs are retried with exponential backoff when they fail for a reason other than their input,
 * and expire from Redis `keepSeconds` after they finish (the PDFs stay on disk).
 *
 * @param options Redis address, queue name, retry and expiry settings.
 * @returns The queue, connected.
 * @throws {RenderQueueError} `E_QUEUE_URL` or `E_QUEUE_UNAVAILABLE`.
 */
export async function createRenderQueue(options: RenderQueueOptions): Promise<RenderQueue> {
  const url = checkRedisUrl(options.redis);
  const name = queueNameOf(options.queueName);
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 2000;
  const keepSeconds = options.keepSeconds ?? 7 * 24 * 3600;
  positiveInteger('attempts', attempts);
  positiveInteger('keepSeconds', keepSeconds);
  if (!(backoffMs >= 0)) throw new InvalidArgumentError('backoffMs', { zh: '非负数', en: 'a number of 0 or more' }, backoffMs);
  let lastError: unknown;
  // A producer answers a person or an HTTP client: commands fail after a few tries instead of
  // waiting for Redis forever (workers, which block on Redis, wait instead).
  const queue = new Queue<RenderJobData, RenderJobResult>(name, {
    connection: { url, maxRetriesPerRequest: 3, connectTimeout: options.connectTimeoutMs ?? 5000 },
    defaultJobOptions: {
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: { age: keepSeconds },
      removeOnFail: { age: keepSeconds },
    },
  });
  queue.on('error', (error) => {
    lastError = error;
  });
  try {
    await waitForRedis(queue.waitUntilReady(), url, options.connectTimeoutMs ?? 5000, () => lastError);
  } catch (error) {
    await queue.close().catch(() => undefined);
    throw error;
  }

  const record = async (job: Job<RenderJobData, RenderJobResult> | undefined, state: RenderJobState): Promise<RenderJobRecord | undefined> => {
    if (job?.id === undefined) return undefined;
    const logs = state === 'failed' ? (await queue.getJobLogs(job.id, 0, -1)).logs : [];
    return toJobRecord(job, state, logs);
  };

  return {
    name,
    async submit(request) {
      const jobOptions = checkJobOptions(request.options);
      const priority = request.priority ?? DEFAULT_PRIORITY;
      if (!Number.isInteger(priority) || priority < 1 || priority > MAX_PRIORITY) {
        throw new InvalidArgumentError('priority', { zh: `1 到 ${MAX_PRIORITY} 的整数（1 最优先）`, en: `a whole number from 1 to ${MAX_PRIORITY} (1 is the most urgent)` }, priority);
      }
      const id = renderJobId(request.report, jobOptions);
      const existing = await queue.getJob(id);
      if (existing !== undefined) {
        const state = (await existing.getState()) as RenderJobState;
        const code = failureCode(existing.failedReason ?? '');
        // Same report, same options: a refusal would be refused again, but a job that failed for
        // another reason (a worker out of memory, fonts missing) gets another chance.
        if (state === 'failed' && !REFUSAL_CODES.has(code as GovReportErrorCode)) {
          await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          return { id, outcome: 'retried', state: 'waiting' };
        }
        return { id, outcome: 'existing', state };
      }
      const data: RenderJobData = { report: request.report, options: jobOptions, ...(request.file === undefined ? {} : { file: request.file }) };
      await queue.add('render', data, { jobId: id, priority });
      return { id, outcome: 'added', state: 'prioritized' };
    },
    async counts() {
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
      return {
        waiting: (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0),
        active: counts['active'] ?? 0,
        delayed: counts['delayed'] ?? 0,
        completed: counts['completed'] ?? 0,
        failed: counts['failed'] ?? 0,
      };
    },
    async job(id) {
      // The state first: a job read before it finished would lack its result.
      const state = (await queue.getJobState(id)) as RenderJobState;
      return state === 'unknown' ? undefined : record(await queue.getJob(id), state);
    },
    async *finished() {
      for (const state of ['completed', 'failed'] as const) {
        for (let start = 0; ; start += PAGE) {
          const jobs = await queue.getJobs(state, start, start + PAGE - 1, true);
          for (const job of jobs) {
            const found = await record(job, state);
            if (found !== undefined) yield found;
          }
          if (jobs.length < PAGE) break;
        }
      }
    },
    close: () => queue.close(),
  };
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError(name, { zh: '正整数', en: 'a whole number of 1 or more' }, value);
}
