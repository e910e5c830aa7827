/**
 * Page-by-page text of a PDF with pdfjs (the pdfjs-dist that pdf-to-png-converter installs), and
 * the normalisation used to match it.
 *
 * CJK text set with character spacing, or broken into lines by our layout, comes back from pdfjs
 * as items that may split a word or join neighbouring cells, sometimes with spaces inserted
 * between characters. {@link compactText} therefore removes all whitespace and applies NFKC
 * (full-width ASCII → ASCII, compatibility ideographs → unified) on both sides of a comparison.
 *
 * @module
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installPdfjsPolyfills } from './installPdfjsPolyfills.ts';
import { _PDFJS_DIST_DIR } from './pdfToPng.ts';

/** A text item of a page, with its position in PDF points (origin bottom left, `y` = baseline). */
export interface PositionedText {
  /** The item's text, {@link compactText}-ed (never empty). */
  readonly text: string;
  /** Left edge. */
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  /** Advance width. */
  readonly width: number;
  /** Font size (height of the em box). */
  readonly height: number;
}

/** The text of one page. */
export interface PageText {
  /** 1-based page number. */
  readonly pageNumber: number;
  /** The page's text items joined in content-stream order (no separators). */
  readonly raw: string;
  /** Lines: consecutive items on the same baseline, joined, each {@link compactText}-ed. */
  readonly lines: readonly string[];
  /** {@link compactText} of `raw`: what tests search in. */
  readonly compact: string;
  /** The non-blank items in content-stream order; their texts concatenated equal `compact`. */
  readonly items: readonly PositionedText[];
}

/**
 * Normalises text for matching: NFKC, then every whitespace character removed.
 *
 * @param text Any text.
 * @returns The compact form.
 */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

interface TextItemLike {
  readonly str: string;
  readonly transform: readonly number[];
  readonly hasEOL: boolean;
  readonly width?: number;
  readonly height?: number;
}

/** Positioned, compacted, non-blank items. @internal */
export function _positionedItems(items: readonly TextItemLike[]): PositionedText[] {
  return items.flatMap((item) => {
    const text = compactText(item.str);
    if (text === '') return [];
    return [{ text, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, width: item.width ?? 0, height: item.height ?? 0 }];
  });
}

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** Groups items into lines: a new line starts when the baseline moves by more than 1 pt. @internal */
export function _groupLines(items: readonly TextItemLike[]): string[] {
  const lines: string[] = [];
  let current = '';
  let baseline: number | undefined;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    if (baseline !== undefined && Math.abs(y - baseline) > 1 && current !== '') {
      lines.push(current);
      current = '';
    }
    if (item.str !== '') baseline = y;
    current += item.str;
    if (item.hasEOL && current !== '') {
      lines.push(current);
      current = '';
      baseline = undefined;
    }
  }
  if (current !== '') lines.push(current);
  return lines.map(compactText).filter((line) => line !== '');
}

/**
 * Extracts the text of every page.
 *
 * @param pdf The PDF bytes (left untouched: pdfjs gets a copy).
 * @returns One entry per page, in order.
 */
export async function extractPdfText(pdf: Uint8Array): Promise<PageText[]> {
  installPdfjsPolyfills();
  const pdfjs = await import(pathToFileURL(join(_PDFJS_DIST_DIR, 'legacy/build/pdf.mjs')).href) as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: Uint8Array.from(pdf),
    cMapUrl: pathToFileURL(join(_PDFJS_DIST_DIR, 'cmaps')).href + '/',
    cMapPacked: true,
    standardFontDataUrl: pathToFileURL(join(_PDFJS_DIST_DIR, 'standard_fonts')).href + '/',
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ disableNormalization: true });
      const items: TextItemLike[] = content.items.flatMap((item: unknown) => (isTextItem(item) ? [item] : []));
      const raw = items.map((item) => item.str).join('');
      const positioned = _positionedItems(items);
      pages.push({ pageNumber: n, raw, lines: _groupLines(items), compact: positioned.map((item) => item.text).join(''), items: positioned });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
