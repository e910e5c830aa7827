import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { availableParallelism, hostname } from 'node:os';
import { resolve } from 'node:path';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { RendererOptions } from '../../api/createRenderer.ts';
import type { RenderOptions } from '../../api/options.ts';
import { InvalidArgumentError } from '../../errors/errors.ts';
import type { ReportIssue } from '../../issues/issue.ts';
import { createRenderPool, type RenderPool } from '../../pool/createRenderPool.ts';
import { classifyFailure } from '../classifyFailure/classifyFailure.ts';
import { checkRedisUrl, queueNameOf, waitForRedis, type RenderQueueConnection } from '../connection/connection.ts';
import { toRenderOptions } from '../jobOptions/jobOptions.ts';
import { pdfFileName, removeStalePdfTempFiles, writeJobPdf } from '../pdfOutput/pdfOutput.ts';
import { MAX_STORED_ISSUES, toJobRecord, type RenderJobData, type RenderJobRecord, type RenderJobResult } from '../renderJob/renderJob.ts';

/** Options of a render worker. */
export interface RenderWorkerOptions extends RenderQueueConnection, RendererOptions {
  /** Folder the PDFs are written to (created if missing). */
  readonly outDir: string;
  /** Jobs rendered at once, each on its own worker thread (default: the number of cores). */
  readonly concurrency?: number;
  /** Time budget of one render in ms (default 60 000); a render past it is stopped and retried. */
  readonly timeoutMs?: number;
  /**
   * How long a job stays locked to this worker without a sign of life, in ms (default 30 000).
   * A worker that dies holds its jobs this long before another worker takes them back.
   */
  readonly lockDurationMs?: number;
  /** How often this worker looks for jobs of dead workers, in ms (default 30 000). */
  readonly stalledIntervalMs?: number;
  /** Times a job may be taken back from dead workers before it fails (`E_STALLED`; default 2). */
  readonly maxStalledCount?: number;
  /** The worker's name, stored on each job it takes (default: the host name and a random suffix). */
  readonly name?: string;
  /** Size limits of every render (a job cannot change them). */
  readonly limits?: RenderOptions['limits'];
  /** Where image sources may point, for every render (a job cannot change it). */
  readonly resources?: RenderOptions['resources'];
  /** How long to wait for Redis at start before failing with `E_QUEUE_UNAVAILABLE` (default 10 000 ms). */
  readonly connectTimeoutMs?: number;
  /**
   * Called after each job this worker finished, rendered or failed (also for a failure that will
   * be retried: then `retrying` is `true`).
   */
  readonly onJob?: (record: RenderJobRecord, retrying: boolean) => void;
  /** Called when the connection to Redis fails; the worker keeps reconnecting. */
  readonly onConnectionError?: (error: Error) => void;
}

/** A running render worker. */
export interface RenderWorker {
  /** Its name, as stored on the jobs it takes. */
  readonly name: string;
  /** The output folder (absolute). */
  readonly outDir: string;
  /**
   * Stops taking jobs and closes. By default it first finishes the jobs it holds; with
   * `force` it drops them at once, and other workers take them back once their lock expires.
   *
   * @param options `force` to stop without finishing.
   */
  close(options?: { readonly force?: boolean }): Promise<void>;
}

/**
 * Starts a render worker: takes jobs from the queue and renders each on a worker thread of a
 * render pool, `concurrency` at a time, writing the PDF by atomic rename under a name derived
 * from the job. A report that is refused (invalid, strict warnings, limits) fails its job at once
 * with the issues; any other failure is retried with backoff; a job held by a worker that died
 * is taken back after `lockDurationMs` and rendered again (to the same file).
 *
 * @param options Redis, output folder, concurrency, time budget, locks, fonts.
 * @returns The running worker, connected.
 * @throws {RenderQueueError} `E_QUEUE_URL`, or `E_QUEUE_UNAVAILABLE` when Redis is not reachable at start.
 */
export async function startRenderWorker(options: RenderWorkerOptions): Promise<RenderWorker> {
  const url = checkRedisUrl(options.redis);
  const queueName = queueNameOf(options.queueName);
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new InvalidArgumentError('concurrency', { zh: '1 到 256 的整数', en: 'a whole number from 1 to 256' }, concurrency);
  }
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const lockDuration = options.lockDurationMs ?? 30_000;
  // A temp file older than several lock periods belongs to a worker that died mid-write.
  await removeStalePdfTempFiles(outDir, Math.max(10 * lockDuration, 600_000), Date.now());
  const name = options.name ?? `${hostname()}-${randomBytes(3).toString('hex')}`;
  const pool: RenderPool = createRenderPool({ workers: concurrency, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }), ...(options.fonts === undefined ? {} : { fonts: options.fonts }) });
  const workerRenderOptions: RenderOptions = {
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.resources === undefined ? {} : { resources: options.resources }),
  };

  // The issues of refusals, from the render to the 'failed' event (they are also in the job's logs).
  const refusals = new Map<string, readonly ReportIssue[]>();
  const processJob = async (job: Job<RenderJobData, RenderJobResult>): Promise<RenderJobResult> => {
    const id = job.id ?? '';
    // Issues logged by an earlier attempt that died before failing the job would be doubled.
    if (job.attemptsStarted > 1 || job.stalledCounter > 0) await job.clearLogs();
    let rendered;
    try {
      rendered = await pool.render(job.data.report, { ...toRenderOptions(job.data.options ?? {}), ...workerRenderOptions });
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === 'refused') {
        const issues = failure.issues.slice(0, MAX_STORED_ISSUES);
        for (const issue of issues) await job.log(JSON.stringify(issue));
        refusals.set(id, issues);
        throw new UnrecoverableError(`${failure.code}: ${failure.message}`);
      }
      throw new Error(`${failure.code}: ${failure.message}`, { cause: error });
    }
    const fileName = pdfFileName(job.data.file, id);
    const output = await writeJobPdf(outDir, fileName, rendered.pdf);
    return {
      output,
      name: fileName,
      pages: rendered.pageCount,
      bytes: rendered.pdf.byteLength,
      warnings: rendered.warnings.slice(0, MAX_STORED_ISSUES),
      moreWarnings: Math.max(0, rendered.warnings.length - MAX_STORED_ISSUES),
    };
  };

  // This `Worker` is BullMQ's (a consumer of the queue); the renders run on the pool's threads,
  // so its event loop stays free to renew locks while pdfmake works.
  const worker = new Worker<RenderJobData, RenderJobResult>(queueName, processJob, {
    connection: { url },
    name,
    concurrency,
    lockDuration,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 2,
    autorun: false,
  });
  let lastError: unknown;
  worker.on('error', (error) => {
    lastError = error;
    options.onConnectionError?.(error);
  });
  worker.on('completed', (job) => options.onJob?.(toJobRecord(job, 'completed', []), false));
  worker.on('failed', (job, error) => {
    if (job === undefined) return;
    const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!final) {
      options.onJob?.(toJobRecord(job, 'delayed', []), true);
      return;
    }
    const issues = refusals.get(job.id ?? '') ?? [];
    refusals.delete(job.id ?? '');
    options.onJob?.(toJobRecord(job, 'failed', issues.map((issue) => JSON.stringify(issue))), false);
  });
  try {
    await waitForRedis(worker.waitUntilReady(), url, options.connectTimeoutMs ?? 10_000, () => lastError);
  } catch (error) {
    await worker.close(true).catch(() => undefined);
    await pool.close();
    throw error;
  }
  void worker.run().catch((error: unknown) => {
    lastError = error;
  });

  let closing: Promise<void> | undefined;
  return {
    name,
    outDir,
    close(closeOptions) {
      if (closeOptions?.force === true) {
        return worker.close(true).then(() => pool.close());
      }
      closing ??= worker.close().then(() => pool.close());
      return closing;
    },
  };
}
