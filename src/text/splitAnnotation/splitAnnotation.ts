/** A table value with a note: `22（其中修订16件）` → `22` and `（其中修订16件）`. */
export interface AnnotatedValue {
  /** The number as printed (sign, digits, separators, %). */
  readonly value: string;
  /** The note with its brackets. */
  readonly note: string;
}

const ANNOTATED = /^([-+]?\d[\d.,]*%?)\s*([（(].+[）)])$/u;

/**
 * Splits a table cell that prints a number followed by a bracketed note (an annotated count of
 * the official forms, `55（含自然失效29件）`, or the same typed into a generic table), so that the
 * note can be set under the number when the column is too narrow for both on one line.
 *
 * @param text The cell's text.
 * @returns The number and the note, or `undefined` when the text is not of that form.
 */
export function splitAnnotation(text: string): AnnotatedValue | undefined {
  const match = ANNOTATED.exec(text.trim());
  return match === null ? undefined : { value: match[1]!, note: match[2]! };
}
