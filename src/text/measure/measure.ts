import type { FontRole } from '../../schema/layoutPreset/layoutPreset.ts';

/** A face of a role: its regular or its bold weight. */
export type FaceKey = FontRole | `${FontRole}-bold`;

/** Metrics of one font face, in ems (multiply by the font size in pt). */
export interface FaceMetrics {
  /** Height above the baseline (ascender), in ems. */
  readonly ascent: number;
  /** Depth below the baseline, as a positive number of ems. */
  readonly descent: number;
  /**
   * Advance width of one character (a whole code point), in ems.
   *
   * @param char One code point as a string.
   */
  advance(char: string): number;
  /**
   * Whether the face has a glyph for the code point (otherwise it would print blank).
   *
   * @param codePoint The code point.
   */
  hasGlyph(codePoint: number): boolean;
}

/**
 * The text-measuring engine the layout uses. The renderer gives one backed by the real font
 * files (fontkit); tests give {@link createFixedMeasurer}, so layout tests need no fonts.
 */
export interface TextMeasurer {
  /**
   * Metrics of a face.
   *
   * @param face Role and weight.
   */
  face(face: FaceKey): FaceMetrics;
}

/**
 * A fake measurer for tests: CJK and full-width characters are 1 em, everything else ½ em;
 * ascent 0.88 em, descent 0.12 em; every glyph exists except those listed.
 *
 * @param missing Characters the fake fonts lack.
 * @returns A measurer.
 */
export function createFixedMeasurer(missing = ''): TextMeasurer {
  const lacking = new Set([...missing].map((c) => c.codePointAt(0)));
  const metrics: FaceMetrics = {
    ascent: 0.88,
    descent: 0.12,
    advance: (char) => (isWide(char.codePointAt(0) ?? 0) ? 1 : 0.5),
    hasGlyph: (codePoint) => !lacking.has(codePoint),
  };
  return { face: () => metrics };
}

/** Whether a code point is set full width (CJK ideographs, kana, full-width forms and punctuation). */
export function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x2e80 && codePoint <= 0x9fff) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7af) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    codePoint === 0x2014 ||
    codePoint === 0x2026 ||
    (codePoint >= 0x201c && codePoint <= 0x201d) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}
