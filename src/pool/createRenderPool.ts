import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { RendererOptions } from '../api/createRenderer.ts';
import type { RenderOptions, RenderResult } from '../api/options.ts';
import {
  GovReportError,
  InvalidArgumentError,
  QueueFullError,
  RenderAbortedError,
  RenderFailedError,
  RenderTimeoutError,
  WorkerMemoryError,
} from '../errors/errors.ts';
import type { ReportIssue } from '../issues/issue.ts';
import type { RenderTask, RenderTaskResult } from './renderWorker.ts';
import { reviveError } from './serializeError.ts';

/** Options of a render pool. */
export interface RenderPoolOptions extends RendererOptions {
  /** Worker threads (default: the number of cores). */
  readonly workers?: number;
  /** Time budget of one render in ms (default 60 000), counted from when a worker starts it. */
  readonly timeoutMs?: number;
  /**
   * Most renders that may wait for a worker (default: no limit). One more is refused at once
   * with {@link QueueFullError}, so a service can answer 429 instead of queueing without end.
   */
  readonly maxQueue?: number;
  /**
   * Memory limits of each worker thread (Node's `resourceLimits`, e.g. `{ maxOldGenerationSizeMb: 512 }`).
   * A render past them gets {@link WorkerMemoryError}; its worker is replaced and the process lives on.
   * Default: a 1024 MB old generation and a 64 MB young one (the service's default too); `{}`
   * leaves V8's own limits (a few GB), under which a worker's heap grows further before V8 collects it.
   */
  readonly resourceLimits?: ResourceLimits;
  /**
   * Scheduling priority of the worker threads, 1–19 (Linux; ignored elsewhere). A service sets it
   * so that its event loop keeps answering while renders fill every core. Default: unchanged.
   */
  readonly workerNice?: number;
}

/** Old-generation heap of each pool worker, in MB, unless the pool is given `resourceLimits`. */
export const DEFAULT_WORKER_HEAP_MB = 1024;

/**
 * The memory limits of a render worker with a heap of `heapMb`: that old generation, and a young
 * generation of an eighth of it, from 8 to 64 MB. Why a default at all: a render that would exhaust
 * memory fails alone ({@link WorkerMemoryError}) instead of taking the process with it, and with a
 * limit V8 collects the old generation sooner: a process whose one worker renders the 57-page
 * large variant 40 times peaks at ~230 MB RSS instead of ~296 MB (270–273 instead of 328–354
 * before fonts were read on demand), for 0–27 % more CPU per large render; seed-sized batches run
 * as fast as without (bench/RESULTS.md, issue 16).
 *
 * @param heapMb The old generation's limit in MB.
 * @returns Node's `resourceLimits` for the worker.
 */
export function workerResourceLimits(heapMb: number): ResourceLimits {
  return { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, heapMb / 8)) };
}

/** Options of one render on the pool: the render options plus its own time budget and cancel signal. */
export interface PoolRenderOptions extends RenderOptions {
  /** Time budget of this render in ms (default: the pool's). */
  readonly timeoutMs?: number;
  /**
   * Cancels the render: a waiting one leaves the queue, a running one has its worker stopped
   * (and replaced). The promise rejects with {@link RenderAbortedError}.
   */
  readonly signal?: AbortSignal;
}

/** What {@link RenderPool.check} returns: every warning, and the pages the layout planned. */
export interface PoolCheckResult {
  /** Problems that would not stop a render. */
  readonly warnings: readonly ReportIssue[];
  /** Pages the layout planned. */
  readonly pageCount: number;
}

/** How busy a pool is, for metrics and readiness. */
export interface RenderPoolStats {
  /** Worker threads. */
  readonly workers: number;
  /** Jobs a worker is working on. */
  readonly running: number;
  /** Jobs waiting for a worker. */
  readonly queued: number;
}

/** Renders on worker threads, so a service's event loop is never blocked by pdfmake's synchronous work. */
export interface RenderPool {
  /**
   * Renders a report on a worker. Rejects with the same error classes as an in-process render,
   * or {@link RenderTimeoutError} when the render runs past the budget (its worker is stopped),
   * {@link QueueFullError}, {@link RenderAbortedError} or {@link WorkerMemoryError}.
   *
   * @param input The report.
   * @param options Render options, time budget and cancel signal.
   * @returns The PDF, warnings and page count.
   */
  render(input: unknown, options?: PoolRenderOptions): Promise<RenderResult>;
  /**
   * Runs everything a render runs except writing the PDF (validation, forms, layout, glyph
   * checks) on a worker. Rejects exactly as {@link RenderPool.render} does.
   *
   * @param input The report.
   * @param options Render options, time budget and cancel signal.
   * @returns The warnings and planned page count.
   */
  check(input: unknown, options?: PoolRenderOptions): Promise<PoolCheckResult>;
  /** Number of worker threads. */
  readonly workers: number;
  /** The memory limits each worker thread runs with. */
  readonly resourceLimits: ResourceLimits;
  /** How many jobs are running and waiting now. */
  stats(): RenderPoolStats;
  /** Stops every worker; renders not finished are rejected. */
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly task: RenderTask;
  readonly budget: number;
  readonly resolve: (result: RenderTaskResult & { ok: true }) => void;
  readonly reject: (error: unknown) => void;
  readonly signal?: AbortSignal;
  readonly onAbort: () => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/**
 * Creates a pool of render workers. Each worker parses the fonts once and keeps them; jobs wait
 * in one queue, first come first served. pdfmake's work is synchronous and cannot be interrupted
 * inside a thread, so the time budget is enforced here: it starts when a worker takes the job
 * (time spent waiting in the queue does not count), and a render past it has its worker
 * terminated — the caller gets {@link RenderTimeoutError} and a fresh worker takes its place.
 * A cancelled running render is stopped the same way: a worker restart costs a few hundred ms
 * of font parsing, far less than letting a long render run on for a caller who has left.
 *
 * Why not piscina: with piscina 5.3 some queued tasks were left waiting until the queue drained
 * (tens of seconds with 4 tasks in flight per worker), and its abort signal also counts queue time
 * (bench/RESULTS.md has the measurement). A pool of fixed size needs only this file.
 *
 * @param options Workers, time budget, queue length, memory limits, fonts.
 * @returns The pool.
 */
export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
    throw new InvalidArgumentError('workers', { zh: '1 到 256 之间的整数', en: 'a whole number from 1 to 256' }, workers);
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  if (!(timeoutMs > 0)) throw new InvalidArgumentError('timeoutMs', { zh: '正数', en: 'a positive number' }, timeoutMs);
  const maxQueue = options.maxQueue ?? Number.POSITIVE_INFINITY;
  if (!(maxQueue >= 0) || (Number.isFinite(maxQueue) && !Number.isInteger(maxQueue))) {
    throw new InvalidArgumentError('maxQueue', { zh: '非负整数', en: 'a whole number, 0 or more' }, maxQueue);
  }
  const resourceLimits = options.resourceLimits ?? workerResourceLimits(DEFAULT_WORKER_HEAP_MB);
  const workerNice = options.workerNice;
  if (workerNice !== undefined && !(Number.isInteger(workerNice) && workerNice >= 1 && workerNice <= 19)) {
    throw new InvalidArgumentError('workerNice', { zh: '1 到 19 之间的整数', en: 'a whole number from 1 to 19' }, workerNice);
  }
  const renderer: RendererOptions = options.fonts === undefined ? {} : { fonts: options.fonts };
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const finish = (slot: Slot): Job | undefined => {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    job?.signal?.removeEventListener('abort', job.onAbort);
    return job;
  };
  const spawn = (slot?: Slot): Slot => {
    const worker = startWorker(resourceLimits, workerNice);
    const own: Slot = slot ?? { worker };
    own.worker = worker;
    worker.on('message', (message: { id: number; result: RenderTaskResult }) => {
      const job = own.job?.id === message.id ? finish(own) : undefined;
      if (job !== undefined) {
        const { result } = message;
        if (result.ok) job.resolve(result);
        else job.reject(reviveError(result.error));
      }
      dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const failure = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new WorkerMemoryError(resourceLimits.maxOldGenerationSizeMb)
        : error instanceof GovReportError ? error : new RenderFailedError(error);
      finish(own)?.reject(failure);
    });
    worker.on('exit', () => {
      if (own.worker !== worker || closed) return;
      // A worker that died (out of memory, a crash) is replaced; its job was rejected above.
      finish(own)?.reject(new RenderFailedError(new Error('the render worker exited')));
      spawn(own);
      dispatch();
    });
    return own;
  };
  const slots = Array.from({ length: workers }, () => spawn());

  /** Stops a running job's worker, starts a fresh one in its place, and rejects the job. */
  const stopRunning = (slot: Slot, error: Error): void => {
    const job = finish(slot);
    const stopped = slot.worker;
    spawn(slot);
    void stopped.terminate();
    job?.reject(error);
    dispatch();
  };

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.job !== undefined) continue;
      const job = queue.shift();
      if (job === undefined) return;
      slot.job = job;
      slot.timer = setTimeout(() => stopRunning(slot, new RenderTimeoutError(job.budget)), job.budget);
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }

  const submit = (task: Omit<RenderTask, 'renderer'>, budget: number, signal: AbortSignal | undefined) => {
    if (closed) return Promise.reject(new InvalidArgumentError('pool', { zh: '未关闭的渲染池', en: 'an open pool' }, 'closed'));
    if (signal?.aborted === true) return Promise.reject(new RenderAbortedError(false));
    if (queue.length >= maxQueue && slots.every((slot) => slot.job !== undefined)) return Promise.reject(new QueueFullError(maxQueue));
    return new Promise<RenderTaskResult & { ok: true }>((resolve, reject) => {
      const id = nextId++;
      const onAbort = () => {
        const waiting = queue.findIndex((queued) => queued.id === id);
        if (waiting >= 0) {
          queue.splice(waiting, 1);
          reject(new RenderAbortedError(false));
          return;
        }
        const slot = slots.find((candidate) => candidate.job?.id === id);
        if (slot !== undefined) stopRunning(slot, new RenderAbortedError(true));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = <T>(done: (value: T) => void) => (value: T) => {
        signal?.removeEventListener('abort', onAbort);
        done(value);
      };
      queue.push({ id, task: { ...task, renderer }, budget, resolve: settle(resolve), reject: settle(reject), onAbort, ...(signal === undefined ? {} : { signal }) });
      dispatch();
    });
  };

  return {
    workers,
    resourceLimits,
    async render(input, poolOptions) {
      const { timeoutMs: budget = timeoutMs, signal, ...renderOptions } = poolOptions ?? {};
      const result = await submit({ input, options: renderOptions }, budget, signal);
      return { pdf: result.pdf, warnings: result.warnings, pageCount: result.pageCount };
    },
    async check(input, poolOptions) {
      const { timeoutMs: budget = timeoutMs, signal, ...renderOptions } = poolOptions ?? {};
      const result = await submit({ input, options: renderOptions, mode: 'check' }, budget, signal);
      return { warnings: result.warnings, pageCount: result.pageCount };
    },
    stats: () => ({ workers, running: slots.filter((slot) => slot.job !== undefined).length, queued: queue.length }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new RenderFailedError(new Error('the render pool was closed')));
      await Promise.all(
        slots.map(async (slot) => {
          finish(slot)?.reject(new RenderFailedError(new Error('the render pool was closed')));
          await slot.worker.terminate();
        }),
      );
    },
  };
}

/** Starts a worker: the compiled JS when installed, the TypeScript source (through tsx) in development. */
function startWorker(resourceLimits: ResourceLimits, nice: number | undefined): Worker {
  const limits = { resourceLimits, ...(nice === undefined ? {} : { workerData: { nice } }) };
  const compiled = new URL('./renderWorker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled, limits);
  // From source (tests, tsx) the worker registers tsx's loader itself, then imports the TypeScript
  // entry: Node 20 applies neither the parent's hooks nor `--import tsx` to an eval worker's imports.
  const source = new URL('./renderWorker.ts', import.meta.url).href;
  return new Worker(`import("tsx/esm/api").then((api) => { api.register(); return import(${JSON.stringify(source)}); });`, { eval: true, ...limits });
}
