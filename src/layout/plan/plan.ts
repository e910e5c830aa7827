import type { ReportIssue } from '../../issues/issue.ts';
import type { FaceKey } from '../../text/measure/measure.ts';

/** A bookmark attached to a line of text (PDF outline). */
export interface OutlineMark {
  /** Unique id of the entry. */
  readonly id: string;
  /** Id of the parent entry, for nested headings. */
  readonly parentId?: string;
  /** Text shown in the outline. */
  readonly title: string;
}

/** A run of text placed on a page: pdfmake draws it at (x, y) = the top-left of its em box. */
export interface PlacedText {
  /** Discriminator. */
  readonly kind: 'text';
  /** Left edge, pt from the page's left. */
  readonly x: number;
  /** Top of the text's line box as pdfmake places it (baseline minus ascent), pt from the page's top. */
  readonly y: number;
  /** The text (never wrapped or broken by the renderer). */
  readonly text: string;
  /** Role and weight. */
  readonly face: FaceKey;
  /** Size in pt. */
  readonly size: number;
  /** Space after each character in pt. */
  readonly characterSpacing: number;
  /** Outline entry starting at this text. */
  readonly outline?: OutlineMark;
}

/** A straight rule (table borders). */
export interface PlacedRule {
  /** Discriminator. */
  readonly kind: 'rule';
  /** Start x in pt. */
  readonly x1: number;
  /** Start y in pt. */
  readonly y1: number;
  /** End x in pt. */
  readonly x2: number;
  /** End y in pt. */
  readonly y2: number;
  /** Line width in pt. */
  readonly width: number;
}

/** An image placed on a page. */
export interface PlacedImage {
  /** Discriminator. */
  readonly kind: 'image';
  /** Left edge in pt. */
  readonly x: number;
  /** Top edge in pt. */
  readonly y: number;
  /** Width in pt. */
  readonly width: number;
  /** Height in pt. */
  readonly height: number;
  /** PNG or JPEG bytes. */
  readonly data: Uint8Array;
}

/** Anything drawn on a page. */
export type PlacedItem = PlacedText | PlacedRule | PlacedImage;

/** One planned page: its size and everything on it, at absolute positions. */
export interface PlannedPage {
  /** 1-based page number. */
  readonly number: number;
  /** Page width in pt. */
  readonly width: number;
  /** Page height in pt. */
  readonly height: number;
  /** Landscape pages are set sideways (width > height). */
  readonly landscape: boolean;
  /** What is drawn. */
  readonly items: readonly PlacedItem[];
  /** What the page holds, for tests and debugging: e.g. `table 表三 rows 0–12 (continued)`. */
  readonly notes: readonly string[];
}

/** Document information written into the PDF. */
export interface DocumentInfo {
  /** Title (the report title on one line). */
  readonly title: string;
  /** Author: the issuing body. */
  readonly author: string;
  /** Subject. */
  readonly subject?: string;
  /** Keywords, comma separated. */
  readonly keywords?: string;
  /** Watermark text on every page (draft marks). */
  readonly watermark?: string;
}

/**
 * The finished layout: every page with every item at its final position. The renderer paints it
 * as it is; it never wraps, breaks or moves anything.
 */
export interface LayoutPlan {
  /** The pages, in order. */
  readonly pages: readonly PlannedPage[];
  /** PDF metadata. */
  readonly info: DocumentInfo;
  /** Problems found while laying out (missing glyphs, removed invisible characters). */
  readonly warnings: readonly ReportIssue[];
}
