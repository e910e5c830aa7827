/**
 * Direct reads of a TrueType font's `loca` table and glyph headers, for the fontkit font cache
 * (pdfmakeRuntime). fontkit decodes `loca` through restructure one entry at a time (~31,000
 * entries in a CJK face: 11–19 ms per face on a cold process), and its subsetter decodes a
 * glyph's whole outline only to read whether the glyph is composite. Both are first-render costs
 * of every process (the one-shot CLI, a new pool worker, the service's first request); reading the
 * bytes directly gives the same numbers for a fraction of that (bench/RESULTS.md, issue 16).
 *
 * Layouts from the OpenType specification: `loca` (https://learn.microsoft.com/typography/opentype/spec/loca)
 * and the glyph header of `glyf` (https://learn.microsoft.com/typography/opentype/spec/glyf).
 */

/** fontkit's decoded `loca` table: glyph data offsets into `glyf`, one more than there are glyphs. */
export interface LocaTable {
  /** `head.indexToLocFormat`: 0 short offsets (stored halved), 1 long offsets. */
  readonly version: 0 | 1;
  /** Byte offset of each glyph's data in `glyf`; glyph `i` spans `offsets[i]` to `offsets[i + 1]`. */
  readonly offsets: Uint32Array;
  /** fontkit marks short offsets as already doubled, so it never doubles them twice. */
  readonly _processed?: true;
}

/**
 * Reads a `loca` table the way fontkit decodes it: every entry up to the table's end, short
 * offsets doubled.
 *
 * @param bytes The font file.
 * @param tableOffset Where the `loca` table starts in the file.
 * @param tableLength The table's length in bytes.
 * @param indexToLocFormat `head.indexToLocFormat` (0 short, 1 long).
 * @returns The table, or `undefined` if the format is unknown or the table runs past the file.
 */
export function readLocaTable(bytes: Uint8Array, tableOffset: number, tableLength: number, indexToLocFormat: number): LocaTable | undefined {
  if ((indexToLocFormat !== 0 && indexToLocFormat !== 1) || tableOffset < 0 || tableOffset + tableLength > bytes.byteLength) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + tableOffset, tableLength);
  if (indexToLocFormat === 1) {
    const offsets = new Uint32Array(tableLength >>> 2);
    for (let i = 0; i < offsets.length; i++) offsets[i] = view.getUint32(i * 4);
    return { version: 1, offsets };
  }
  const offsets = new Uint32Array(tableLength >>> 1);
  for (let i = 0; i < offsets.length; i++) offsets[i] = view.getUint16(i * 2) * 2;
  return { version: 0, offsets, _processed: true };
}

/** The fixed header that starts each glyph's data in `glyf`. */
export interface GlyphHeader {
  /** Contours of a simple glyph; negative for a composite glyph. */
  readonly numberOfContours: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/**
 * Reads the header of one glyph.
 *
 * @param bytes The font file.
 * @param glyfOffset Where the `glyf` table starts in the file.
 * @param glyphOffset The glyph's offset in `glyf` (from `loca`).
 * @returns The header, or `undefined` if it would run past the file.
 */
export function readGlyphHeader(bytes: Uint8Array, glyfOffset: number, glyphOffset: number): GlyphHeader | undefined {
  const start = glyfOffset + glyphOffset;
  if (start < 0 || start + 10 > bytes.byteLength) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, 10);
  return { numberOfContours: view.getInt16(0), xMin: view.getInt16(2), yMin: view.getInt16(4), xMax: view.getInt16(6), yMax: view.getInt16(8) };
}

/**
 * What fontkit's TrueType `_decode` returns, with the outline read only when asked for: a simple
 * glyph's header at once, its `points` and `instructions` through `decode` on first access.
 * fontkit's subsetter reads only `numberOfContours` (and, of a composite glyph, its components).
 *
 * @param bytes The font file.
 * @param glyfOffset Where the `glyf` table starts in the file.
 * @param offsets The `loca` offsets.
 * @param id The glyph id.
 * @param decode fontkit's own `_decode` of this glyph: used for composite glyphs, for the outline
 *   when it is read, and whenever the bytes cannot be read directly.
 * @returns `null` for a glyph without data (as fontkit), else the glyph.
 */
export function decodeHeaderFirst(bytes: Uint8Array, glyfOffset: number, offsets: ArrayLike<number>, id: number, decode: () => unknown): unknown {
  const start = offsets[id];
  const end = offsets[id + 1];
  if (start === undefined || end === undefined) return decode();
  if (start === end) return null;
  const header = readGlyphHeader(bytes, glyfOffset, start);
  if (header === undefined || header.numberOfContours < 0) return decode();
  let outline: { points?: unknown; instructions?: unknown } | undefined;
  const whole = () => (outline ??= decode() as { points?: unknown; instructions?: unknown });
  return Object.defineProperties(
    { ...header },
    {
      points: { enumerable: true, get: () => whole().points },
      instructions: { enumerable: true, get: () => whole().instructions },
    },
  );
}
