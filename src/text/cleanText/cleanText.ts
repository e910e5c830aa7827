/**
 * Characters that print nothing but change how text is read or measured: C0/C1 controls (except
 * line feed), zero-width spaces and joiners, bidi embeddings/overrides/isolates, the BOM.
 * They are removed from printed text and reported, never passed to the PDF.
 */
const INVISIBLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** Lone UTF-16 surrogates cannot be encoded in a PDF string; they are removed and reported too. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** The result of {@link cleanText}. */
export interface CleanedText {
  /** The text without invisible characters. */
  readonly text: string;
  /** The removed characters as code points (`U+200B`), in order, without repeats. */
  readonly removed: readonly string[];
}

/**
 * Removes characters that would print as nothing (controls, zero-width and bidi marks, BOM,
 * lone surrogates) so that what is measured is what is drawn.
 *
 * @param text Text from the report.
 * @returns The cleaned text and the code points removed.
 */
export function cleanText(text: string): CleanedText {
  const removed = new Set<string>();
  const record = (match: string): string => {
    removed.add(codePointLabel(match.charCodeAt(0)));
    return '';
  };
  // Windows and old Mac line ends are line feeds, not invisible characters to report.
  const cleaned = text.replace(/\r\n?/gu, '\n').replace(INVISIBLE, record).replace(LONE_SURROGATE, record);
  return { text: cleaned, removed: [...removed] };
}

/**
 * Writes a code point the way Unicode charts do: `U+200B`, `U+1F600`.
 *
 * @param codePoint The code point.
 * @returns Its label.
 */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
