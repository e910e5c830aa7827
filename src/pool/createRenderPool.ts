import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RendererOptions } from '../api/createRenderer.ts';
import type { RenderOptions, RenderResult } from '../api/options.ts';
import { GovReportError, InvalidArgumentError, RenderFailedError, RenderTimeoutError } from '../errors/errors.ts';
import type { RenderTask, RenderTaskResult } from './renderWorker.ts';
import { reviveError } from './serializeError.ts';

/** Options of a render pool. */
export interface RenderPoolOptions extends RendererOptions {
  /** Worker threads (default: the number of cores). */
  readonly workers?: number;
  /** Time budget of one render in ms (default 60 000), counted from when a worker starts it. */
  readonly timeoutMs?: number;
}

/** Options of one render on the pool: the render options plus its own time budget. */
export interface PoolRenderOptions extends RenderOptions {
  /** Time budget of this render in ms (default: the pool's). */
  readonly timeoutMs?: number;
}

/** Renders on worker threads, so a service's event loop is never blocked by pdfmake's synchronous work. */
export interface RenderPool {
  /**
   * Renders a report on a worker. Rejects with the same error classes as an in-process render,
   * or {@link RenderTimeoutError} when the render runs past the budget (its worker is stopped).
   *
   * @param input The report.
   * @param options Render options and time budget.
   * @returns The PDF, warnings and page count.
   */
  render(input: unknown, options?: PoolRenderOptions): Promise<RenderResult>;
  /** Number of worker threads. */
  readonly workers: number;
  /** Stops every worker; renders not finished are rejected. */
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly task: RenderTask;
  readonly budget: number;
  readonly resolve: (result: RenderResult) => void;
  readonly reject: (error: unknown) => void;
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
 *
 * Why not piscina: with piscina 5.3 some queued tasks were left waiting until the queue drained
 * (tens of seconds with 4 tasks in flight per worker), and its abort signal also counts queue time
 * (bench/RESULTS.md has the measurement). A pool of fixed size needs only this file.
 *
 * @param options Workers, time budget, fonts.
 * @returns The pool.
 */
export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
    throw new InvalidArgumentError('workers', { zh: '1 到 256 之间的整数', en: 'a whole number from 1 to 256' }, workers);
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  if (!(timeoutMs > 0)) throw new InvalidArgumentError('timeoutMs', { zh: '正数', en: 'a positive number' }, timeoutMs);
  const renderer: RendererOptions = options.fonts === undefined ? {} : { fonts: options.fonts };
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const finish = (slot: Slot): Job | undefined => {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    return job;
  };
  const spawn = (slot?: Slot): Slot => {
    const worker = startWorker();
    const own: Slot = slot ?? { worker };
    own.worker = worker;
    worker.on('message', (message: { id: number; result: RenderTaskResult }) => {
      const job = own.job?.id === message.id ? finish(own) : undefined;
      if (job !== undefined) {
        const { result } = message;
        if (result.ok) job.resolve({ pdf: result.pdf, warnings: result.warnings, pageCount: result.pageCount });
        else job.reject(reviveError(result.error));
      }
      dispatch();
    });
    worker.on('error', (error) => {
      finish(own)?.reject(error instanceof GovReportError ? error : new RenderFailedError(error));
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

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.job !== undefined) continue;
      const job = queue.shift();
      if (job === undefined) return;
      slot.job = job;
      slot.timer = setTimeout(() => {
        finish(slot);
        const stopped = slot.worker;
        spawn(slot);
        void stopped.terminate();
        job.reject(new RenderTimeoutError(job.budget));
        dispatch();
      }, job.budget);
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }

  return {
    workers,
    render(input, poolOptions) {
      const { timeoutMs: budget = timeoutMs, ...renderOptions } = poolOptions ?? {};
      if (closed) return Promise.reject(new InvalidArgumentError('pool', { zh: '未关闭的渲染池', en: 'an open pool' }, 'closed'));
      return new Promise<RenderResult>((resolve, reject) => {
        queue.push({ id: nextId++, task: { input, options: renderOptions, renderer }, budget, resolve, reject });
        dispatch();
      });
    },
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
function startWorker(): Worker {
  const compiled = new URL('./renderWorker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled);
  // From source (tests, tsx) the worker registers tsx's loader itself, then imports the TypeScript
  // entry: Node 20 applies neither the parent's hooks nor `--import tsx` to an eval worker's imports.
  const source = new URL('./renderWorker.ts', import.meta.url).href;
  return new Worker(`import("tsx/esm/api").then((api) => { api.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}
