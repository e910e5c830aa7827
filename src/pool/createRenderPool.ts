import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { RendererOptions } from '../api/createRenderer.ts';
import type { RenderOptions, RenderResult } from '../api/options.ts';
import { InvalidArgumentError, RenderTimeoutError } from '../errors/errors.ts';
import type { RenderTask, RenderTaskResult } from './renderWorker.ts';
import { reviveError } from './serializeError.ts';

/** Options of a render pool. */
export interface RenderPoolOptions extends RendererOptions {
  /** Worker threads (default: the number of cores). */
  readonly workers?: number;
  /** Time budget of one render in ms (default 60 000); past it the worker is stopped. */
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
   * @param options Render options.
   * @returns The PDF, warnings and page count.
   */
  render(input: unknown, options?: PoolRenderOptions): Promise<RenderResult>;
  /** Number of worker threads. */
  readonly workers: number;
  /** Stops every worker; pending renders are rejected. */
  close(): Promise<void>;
}

/**
 * Creates a pool of render workers (piscina). Each worker parses the fonts once and keeps them.
 * pdfmake's work is synchronous and cannot be interrupted inside a thread, so the time budget is
 * enforced here: a render past its budget has its worker terminated and gets a clear error.
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
  const compiled = new URL('./renderWorker.js', import.meta.url);
  // From the TypeScript sources (tests, tsx) the worker needs the tsx loader; the published build runs plain JS.
  const fromSource = !existsSync(fileURLToPath(compiled));
  const pool = new Piscina({
    filename: fromSource ? new URL('./renderWorker.ts', import.meta.url).href : compiled.href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Number.POSITIVE_INFINITY,
    ...(fromSource ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {}),
  });
  const renderer: RendererOptions = options.fonts === undefined ? {} : { fonts: options.fonts };
  return {
    workers,
    async render(input, poolOptions) {
      const { timeoutMs: budget = timeoutMs, ...renderOptions } = poolOptions ?? {};
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, budget);
      try {
        const task: RenderTask = { input, options: renderOptions, renderer };
        const result = (await pool.run(task, { signal: controller.signal })) as RenderTaskResult;
        if (!result.ok) throw reviveError(result.error);
        return { pdf: result.pdf, warnings: result.warnings, pageCount: result.pageCount };
      } catch (error) {
        if (timedOut) throw new RenderTimeoutError(budget);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.destroy(),
  };
}
