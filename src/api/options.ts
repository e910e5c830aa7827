import type { InputLimits } from '../schema/limits/limits.ts';
import type { ReportIssue } from '../issues/issue.ts';
import type { LayoutPresetInput, LayoutPresetName } from '../schema/layoutPreset/layoutPreset.ts';
export type { FontRole } from '../schema/layoutPreset/layoutPreset.ts';
export type { FontFileSpec } from '../render/fonts/fontFileSpec.ts';

/** Which sources an image's `src` may name; everything else is denied. */
export interface ResourcePolicy {
  /** Folders whose files (and their descendants) images may be read from. */
  readonly allowedDirectories?: readonly string[];
  /**
   * URL prefixes images may be fetched from (e.g. `https://cdn.example.gov.cn/images/`): same
   * origin, then whole path segments, judged on the normalised URL (see README); redirects are
   * followed only to URLs that pass the same check.
   */
  readonly allowedUrlPrefixes?: readonly string[];
  /** Time for one fetch, from connecting to the last byte, in ms (default 10,000). */
  readonly timeoutMs?: number;
  /** Time for all the fetches of one report together, in ms (default 30,000). */
  readonly totalTimeoutMs?: number;
}

/** Options of one render; the same options exist as CLI flags. */
export interface RenderOptions {
  /** A layout preset: a built-in name (`gbt9704`, `compact`) or a preset object; overrides the report's `layout`. */
  readonly layout?: LayoutPresetName | LayoutPresetInput;
  /** Turn every warning (arithmetic, blank, placeholder, missing glyph) into a refusal to render. */
  readonly strict?: boolean;
  /** Compute every total of an official table that the caller left blank (never overwrites a given total). */
  readonly fillTotals?: boolean;
  /** Last year's report (or its 表三 carried-forward row, or 表三 / 表二 data), to check this year's 表三 二 = last year's 四 and a 2021 表二's 现行有效件数; a report of another year than `meta.year − 1` is refused. */
  readonly previousYear?: unknown;
  /** The PDF's creation date; by default the report's own (date of issue, else signature date, else 1 January after `meta.year`), so the same input gives the same bytes. */
  readonly creationDate?: Date;
  /** Size limits; missing keys take the defaults. */
  readonly limits?: Partial<InputLimits>;
  /** Where image `src` paths and URLs may point; by default nothing outside the report is read. */
  readonly resources?: ResourcePolicy;
  /**
   * Archival output: `'2b'` writes PDF/A-2b, `'2u'` PDF/A-2u (XMP metadata with the PDF/A
   * identification, an sRGB output intent, fonts embedded, document language zh-CN).
   */
  readonly pdfa?: '2b' | '2u';
}

/** What a render returns. */
export interface RenderResult {
  /** The PDF bytes. */
  readonly pdf: Uint8Array;
  /** Problems that did not stop the render (arithmetic, blanks, placeholders, missing glyphs, removed characters). */
  readonly warnings: readonly ReportIssue[];
  /** Number of pages, as planned by the layout and verified in the written PDF. */
  readonly pageCount: number;
}
