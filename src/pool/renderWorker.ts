import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer, type Renderer, type RendererOptions } from '../api/createRenderer.ts';
import type { RenderOptions } from '../api/options.ts';
import type { ReportIssue } from '../issues/issue.ts';
import { lowerThreadPriority } from './lowerThreadPriority.ts';
import { serializeError, type SerializedError } from './serializeError.ts';

/** One render task sent to a worker. */
export interface RenderTask {
  /** The report (object, JSON text or bytes). */
  readonly input: unknown;
  /** Render options. */
  readonly options?: RenderOptions;
  /** The pool's fonts. */
  readonly renderer?: RendererOptions;
  /** `check` runs everything but writing the PDF (the result's `pdf` is empty); default `render`. */
  readonly mode?: 'render' | 'check';
}

/** What a worker sends back. */
export type RenderTaskResult =
  | { readonly ok: true; readonly pdf: Uint8Array; readonly warnings: readonly ReportIssue[]; readonly pageCount: number }
  | { readonly ok: false; readonly error: SerializedError };

const renderers = new Map<string, Renderer>();

/**
 * Renders one report with a renderer kept for the life of the worker (fonts parsed once per
 * worker). Never throws: errors come back as data.
 *
 * @param task The report, options and fonts.
 * @returns The result, or the error as data.
 */
export async function renderTask(task: RenderTask): Promise<RenderTaskResult> {
  const key = JSON.stringify(task.renderer ?? {});
  let renderer = renderers.get(key);
  if (renderer === undefined) {
    renderer = createRenderer(task.renderer ?? {});
    renderers.set(key, renderer);
  }
  try {
    if (task.mode === 'check') {
      const checked = await renderer.plan(task.input, task.options);
      return { ok: true, pdf: new Uint8Array(0), warnings: checked.warnings, pageCount: checked.plan.pages.length };
    }
    const result = await renderer.render(task.input, task.options);
    return { ok: true, pdf: result.pdf, warnings: result.warnings, pageCount: result.pageCount };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}

// The pool may ask its workers to yield the CPU to the main thread (RenderPoolOptions.workerNice).
const nice = (workerData as { nice?: number } | null | undefined)?.nice;
if (parentPort !== null && typeof nice === 'number') lowerThreadPriority(nice);

// In a worker thread: answer each `{ id, task }` with `{ id, result }`, one at a time.
parentPort?.on('message', (message: { id: number; task: RenderTask }) => {
  void renderTask(message.task).then((result) => {
    // Hand the PDF's memory over instead of copying it, when it owns its whole buffer.
    const whole = result.ok && result.pdf.byteOffset === 0 && result.pdf.byteLength === result.pdf.buffer.byteLength;
    parentPort!.postMessage({ id: message.id, result }, whole ? [result.pdf.buffer as ArrayBuffer] : []);
  });
});
