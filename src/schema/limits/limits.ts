/**
 * Size limits on one report, so that a single request cannot pin a service for minutes or
 * exhaust its memory. Every limit is checked with an error naming the limit and the path.
 */
export interface InputLimits {
  /** Largest accepted JSON text in bytes (CLI and `renderReport` given a string or bytes). */
  readonly maxInputBytes: number;
  /** Most sections in one list (top level, or the subsections of one section). */
  readonly maxSections: number;
  /** Most blocks (paragraphs, tables, images, subsections) in one section or attachment. */
  readonly maxBlocks: number;
  /** Deepest nesting of sections (一、→（一）→ 1. →（1）is 4). */
  readonly maxSectionDepth: number;
  /** Most attachments. */
  readonly maxAttachments: number;
  /** Most data rows in one table (leaves of the row tree, all bands together). */
  readonly maxTableRows: number;
  /** Most data columns in one table (leaves of the column tree). */
  readonly maxTableColumns: number;
  /** Deepest header tree (rows or columns). */
  readonly maxHeaderDepth: number;
  /** Longest text in one table cell or header label, in characters. */
  readonly maxCellTextLength: number;
  /** Longest paragraph, heading or title line, in characters. */
  readonly maxParagraphLength: number;
  /** Largest image file, in bytes (after base64 decoding; a fetched or read file stops at this size). */
  readonly maxImageBytes: number;
  /**
   * Most pixel values in one image: width × height × channels (grey 1, grey + alpha 2, RGB 3,
   * RGBA or CMYK 4, palette 1), read from the header before anything is decoded.
   */
  readonly maxImagePixels: number;
  /**
   * Work budget: most table cells in the whole report (data cells: leaf rows × leaf columns of
   * every band; each official form block counts as {@link FORM_BLOCK_CELLS}).
   */
  readonly maxTotalCells: number;
  /** Work budget: most characters of printed text in the whole report (every string but image data and paths). */
  readonly maxTotalTextLength: number;
  /** Work budget: most blocks in the whole report (paragraphs, subsections, tables, images, forms, at any depth). */
  readonly maxTotalBlocks: number;
  /** Work budget: most image bytes in the whole report. */
  readonly maxTotalImageBytes: number;
  /** Work budget: most pixel values (see `maxImagePixels`) of all the report's images together. */
  readonly maxTotalImagePixels: number;
}

/** What one official form block (表二, 表三 or 表四) counts towards `maxTotalCells`: more than the largest template has. */
export const FORM_BLOCK_CELLS = 300;

/** A 300-dpi A4 page in RGBA or CMYK: 2480 × 3508 pixels × 4 channels. */
const A4_300_DPI_VALUES = 2480 * 3508 * 4;

/** The limits used when the caller gives none: generous for any real annual report. */
export const DEFAULT_LIMITS: InputLimits = Object.freeze({
  maxInputBytes: 20 * 1024 * 1024,
  maxSections: 200,
  maxBlocks: 2_000,
  maxSectionDepth: 4,
  maxAttachments: 50,
  maxTableRows: 20_000,
  maxTableColumns: 40,
  maxHeaderDepth: 6,
  maxCellTextLength: 500,
  maxParagraphLength: 20_000,
  maxImageBytes: 10 * 1024 * 1024,
  maxImagePixels: A4_300_DPI_VALUES,
  // The work budget: chosen from measurement (bench/budget.mjs) so that a report at every budget
  // at once renders within 60 s and 1.5 GB on a 2-core VM; see README "Limits and errors".
  maxTotalCells: 30_000,
  maxTotalTextLength: 60_000,
  maxTotalBlocks: 2_500,
  maxTotalImageBytes: 20 * 1024 * 1024,
  maxTotalImagePixels: A4_300_DPI_VALUES,
});
