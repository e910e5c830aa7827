/** One key or index on the way from the report's root to the value an issue is about. */
export type IssuePathSegment = string | number;

/** A path from the report's root, e.g. `['sections', 2, 'content', 0]`. */
export type IssuePath = readonly IssuePathSegment[];

/** A message a user reads, in Chinese (the default) and English. */
export interface BilingualText {
  /** Chinese text, e.g. `段落不能为空`. */
  readonly zh: string;
  /** English text, e.g. `paragraph must not be empty`. */
  readonly en: string;
}

/**
 * How serious a problem is: an `error` stops the render; a `warning` is returned with the PDF
 * and becomes an error only in strict mode.
 */
export type IssueSeverity = 'error' | 'warning';

/**
 * One problem found in a report, as data: where (path), which rule (code), how serious,
 * what it says in both languages, and what would be valid.
 */
export interface ReportIssue {
  /** Stable machine-readable rule name, e.g. `invalid_type`, `missing_glyph`, `sum_mismatch`. */
  readonly code: string;
  /** Whether the problem stops a render by default. */
  readonly severity: IssueSeverity;
  /** Where the problem is, from the report's root. */
  readonly path: IssuePath;
  /** The same path written as `sections[2].content[0]`. */
  readonly pathText: string;
  /** What is wrong, in Chinese and English. */
  readonly message: BilingualText;
  /** What would be valid, when that can be said briefly (e.g. `a string`, `one of 2019, 2021`). */
  readonly expected?: string;
}
