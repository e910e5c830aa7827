/**
 * Renders the pages of a PDF to PNG buffers with pdf-to-png-converter (pdfjs + @napi-rs/canvas),
 * the same way on every machine and from every working directory.
 *
 * Two facts about the converter shape this module (toolchain-notes.md):
 * - On Node 20 it returns blank pages unless `ArrayBuffer.prototype.transferToFixedLength` exists,
 *   so {@link installPdfjsPolyfills} runs before pdfjs is first loaded.
 * - It resolves its cMap and standard-font folders against `process.cwd()`, so this module points
 *   them at the installed `pdfjs-dist` by absolute path instead.
 *
 * Pages are returned as buffers; nothing is written to disk (the converter refuses to overwrite).
 *
 * @module
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pdfToPng } from 'pdf-to-png-converter';
import { RENDER_SCALE } from '../visual/thresholds.ts';
import { installPdfjsPolyfills } from './installPdfjsPolyfills.ts';

/** One rendered page. */
export interface PngPage {
  /** 1-based page number. */
  readonly pageNumber: number;
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** The PNG file's bytes. */
  readonly png: Buffer;
}

/** Options of {@link renderPdfToPngs}. */
export interface RenderPdfToPngsOptions {
  /** Pixels per PDF point (default {@link RENDER_SCALE}). */
  readonly scale?: number;
}

const require = createRequire(import.meta.url);

/** Folder of the installed pdfjs-dist, the one pdf-to-png-converter loads. @internal */
export const _PDFJS_DIST_DIR = dirname(
  createRequire(require.resolve('pdf-to-png-converter')).resolve('pdfjs-dist/package.json'),
);

let configured = false;

/**
 * Points pdf-to-png-converter's asset folders at absolute paths and installs the pdfjs polyfills.
 * The converter reads its `CMAP_RELATIVE_URL` / `STANDARD_FONTS_RELATIVE_URL` constants from its
 * CommonJS `const.js` exports at call time and resolves them with `path.resolve`, which leaves an
 * absolute path unchanged; so overwriting the two exports makes rendering independent of the cwd.
 *
 * @internal
 */
export function _configureConverter(): void {
  if (configured) return;
  installPdfjsPolyfills();
  const constPath = join(dirname(require.resolve('pdf-to-png-converter')), 'const.js');
  const constants = require(constPath) as Record<string, unknown>;
  if (typeof constants.CMAP_RELATIVE_URL !== 'string' || typeof constants.STANDARD_FONTS_RELATIVE_URL !== 'string') {
    throw new Error(
      `pdf-to-png-converter changed: ${constPath} no longer exports CMAP_RELATIVE_URL / STANDARD_FONTS_RELATIVE_URL; ` +
        'update test/helpers/pdfToPng.ts for the installed version.',
    );
  }
  constants.CMAP_RELATIVE_URL = join(_PDFJS_DIST_DIR, 'cmaps') + '/';
  constants.STANDARD_FONTS_RELATIVE_URL = join(_PDFJS_DIST_DIR, 'standard_fonts') + '/';
  configured = true;
}

/**
 * Renders every page of a PDF to a PNG buffer.
 *
 * @param pdf The PDF bytes (left untouched: the converter gets a copy, since pdfjs detaches its input).
 * @param options Render scale.
 * @returns One entry per page, in page order.
 */
export async function renderPdfToPngs(pdf: Uint8Array, options: RenderPdfToPngsOptions = {}): Promise<PngPage[]> {
  _configureConverter();
  const pages = await pdfToPng(Buffer.from(pdf), {
    viewportScale: options.scale ?? RENDER_SCALE,
    returnPageContent: true,
  });
  return pages.map((page) => {
    if (page.content === undefined) throw new Error(`pdf-to-png-converter returned no content for page ${page.pageNumber}`);
    return { pageNumber: page.pageNumber, width: page.width, height: page.height, png: page.content };
  });
}
