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
  /** Largest image, in bytes after decoding. */
  readonly maxImageBytes: number;
}

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
});
