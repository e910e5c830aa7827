import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { loadRuntime, parseFont } from './pdfmakeRuntime.ts';
import { decodeHeaderFirst, readGlyphHeader, readLocaTable } from './trueTypeGlyphData.ts';

const require = createRequire(import.meta.url);

/** fontkit's TrueType internals these tests compare with. */
interface RawTrueTypeFont {
  readonly numGlyphs: number;
  readonly directory: { readonly tables: Record<string, { readonly offset: number; readonly length: number }> };
  readonly head: { readonly indexToLocFormat: number };
  readonly loca: { readonly version: number; readonly offsets: ArrayLike<number> };
  glyphsForString(text: string): { readonly id: number }[];
  getGlyph(id: number): { _decode(): Record<string, unknown> | null };
  layout(text: string, features?: string[]): { readonly glyphs: unknown[] };
}

const defaults = JSON.parse(readFileSync(new URL('../../../fonts/defaults.json', import.meta.url), 'utf8')) as { faces: Record<string, { package: string; file: string }> };
const faces = Object.entries(defaults.faces).map(([name, { package: pkg, file }]) => ({ name, bytes: readFileSync(require.resolve(`${pkg}/${file}`)) }));
/** fontkit as published, parsing afresh (not the per-process cache with its fast paths). */
const rawFont = (bytes: Buffer) => (loadRuntime().fontkit.create as (b: Buffer) => unknown)(bytes) as RawTrueTypeFont;
const text = '二〇二〇年区水务局政府信息公开工作年度报告，主动公开 16 件（一）';

describe('readLocaTable', () => {
  test.each(faces)('gives fontkit\'s offsets for every glyph of $name', ({ bytes }) => {
    const font = rawFont(bytes);
    const table = font.directory.tables.loca!;
    const loca = readLocaTable(bytes, table.offset, table.length, font.head.indexToLocFormat);
    expect(loca?.version).toBe(font.loca.version);
    expect(loca?.offsets.length).toBe(font.numGlyphs + 1);
    expect(Array.from(loca!.offsets)).toEqual(Array.from(font.loca.offsets));
  });

  test('doubles short offsets, as fontkit does, and says so', () => {
    const loca = readLocaTable(Uint8Array.from([0xff, 0, 0, 1, 0, 5]), 2, 4, 0);
    expect(loca).toEqual({ version: 0, offsets: Uint32Array.from([2, 10]), _processed: true });
  });

  test('refuses an unknown format or a table past the end of the file', () => {
    expect(readLocaTable(new Uint8Array(8), 0, 8, 2)).toBeUndefined();
    expect(readLocaTable(new Uint8Array(8), 4, 8, 1)).toBeUndefined();
  });
});

describe('readGlyphHeader and decodeHeaderFirst', () => {
  test.each(faces)('give fontkit\'s glyph headers and, when read, outlines of $name', ({ bytes }) => {
    const font = rawFont(bytes);
    const glyf = font.directory.tables.glyf!.offset;
    const ids = [...font.glyphsForString(text).map((glyph) => glyph.id), ...Array.from({ length: 40 }, (_, i) => Math.floor((i * font.numGlyphs) / 40))];
    for (const id of ids) {
      const whole = font.getGlyph(id)._decode();
      let decodes = 0;
      const lazy = decodeHeaderFirst(bytes, glyf, font.loca.offsets, id, () => {
        decodes += 1;
        return font.getGlyph(id)._decode();
      }) as Record<string, unknown> | null;
      if (whole === null) {
        expect(lazy).toBeNull();
        continue;
      }
      const { numberOfContours, xMin, yMin, xMax, yMax } = whole;
      expect(readGlyphHeader(bytes, glyf, font.loca.offsets[id]!)).toEqual({ numberOfContours, xMin, yMin, xMax, yMax });
      expect([lazy!.numberOfContours, lazy!.xMin, lazy!.yMin, lazy!.xMax, lazy!.yMax]).toEqual([numberOfContours, xMin, yMin, xMax, yMax]);
      expect(decodes).toBe(0);
      expect(lazy!.points).toEqual(whole.points);
      expect(lazy!.instructions).toEqual(whole.instructions);
      expect(decodes).toBe(1);
    }
  });

  test('hands a composite glyph, and one it cannot read, to fontkit\'s own decoding', () => {
    // Glyph 0 is composite (numberOfContours −1); glyph 1 starts past the end of the file.
    const bytes = Uint8Array.from([0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]);
    const composite = { numberOfContours: -1, components: [] };
    expect(decodeHeaderFirst(bytes, 0, [0, 10, 20], 0, () => composite)).toBe(composite);
    expect(decodeHeaderFirst(bytes, 0, [0, 10, 20], 1, () => 'decoded')).toBe('decoded');
    expect(decodeHeaderFirst(bytes, 0, [0, 10], 1, () => 'no next offset')).toBe('no next offset');
  });
});

describe('the per-process font cache', () => {
  test.each(faces)('reads $name\'s loca in one pass and decodes outlines only when read', ({ bytes }) => {
    const cached = parseFont(bytes) as unknown as RawTrueTypeFont;
    const raw = rawFont(bytes);
    expect(cached.loca.offsets).toBeInstanceOf(Uint32Array);
    const [glyph] = raw.glyphsForString('政');
    const lazy = cached.getGlyph(glyph!.id)._decode();
    expect(Object.getOwnPropertyDescriptor(lazy, 'points')?.get).toBeTypeOf('function');
    expect(lazy!.points).toEqual(raw.getGlyph(glyph!.id)._decode()!.points);
  });

  test('fontkit\'s shapers still work with the tries it no longer unpacks at load', () => {
    const { fontkit } = loadRuntime();
    const fontkitPath = createRequire(createRequire(require.resolve('pdfmake')).resolve('pdfkit')).resolve('fontkit');
    // The real class is back in the module cache for everyone else.
    expect((createRequire(fontkitPath)('unicode-trie') as { name: string }).name).toBe('UnicodeTrie');
    expect(fontkit).toBeDefined();
    // Arabic goes through fontkit's Arabic shaper and Devanagari through its Indic one, each of
    // which reads its trie; shaping must not throw and must give a glyph per character.
    const font = rawFont(faces[0]!.bytes);
    expect(font.layout('سلام', ['liga']).glyphs).toHaveLength(4);
    expect(font.layout('नमस्ते', ['liga']).glyphs.length).toBeGreaterThan(0);
  });
});
