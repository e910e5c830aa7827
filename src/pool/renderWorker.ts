import { createRenderer, type Renderer, type RendererOptions } from '../api/createRenderer.ts';
import type { RenderOptions } from '../api/options.ts';
import { serializeError, type SerializedError } from './serializeError.ts';

/** One render task sent to a worker. */
export interface RenderTask {
  /** The report (object, JSON text or bytes). */
  readonly input: unknown;
  /** Render options. */
  readonly options?: RenderOptions;
  /** The pool's fonts. */
  readonly renderer?: RendererOptions;
}

/** What a worker sends back. */
export type RenderTaskResult =
  | { readonly ok: true; readonly pdf: Uint8Array; readonly warnings: readonly import('../issues/issue.ts').ReportIssue[]; readonly pageCount: number }
  | { readonly ok: false; readonly error: SerializedError };

const renderers = new Map<string, Renderer>();

/**
 * The worker's entry point: renders one report with a renderer kept for the life of the worker
 * (fonts parsed once per worker).
 *
 * @param task The report, options and fonts.
 * @returns The result, or the error as data.
 */
export default async function renderTask(task: RenderTask): Promise<RenderTaskResult> {
  const key = JSON.stringify(task.renderer ?? {});
  let renderer = renderers.get(key);
  if (renderer === undefined) {
    renderer = createRenderer(task.renderer ?? {});
    renderers.set(key, renderer);
  }
  try {
    const result = await renderer.render(task.input, task.options);
    // Copied back by structured clone: a PDF is ~100 KB, and piscina can only transfer a top-level value.
    return { ok: true, pdf: result.pdf, warnings: result.warnings, pageCount: result.pageCount };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}
