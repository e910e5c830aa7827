import { closeSync, copyFileSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { glyphPagerOf, readFontFile } from './glyphPager.ts';
import { parseFont } from './pdfmakeRuntime.ts';

const require = createRequire(import.meta.url);
const sansPath = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const whole = readFileSync(sansPath);
const dir = mkdtempSync(join(tmpdir(), 'glyph-pager-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The `glyf` table's place in the file, from the sfnt table directory. */
function glyfRange(bytes: Buffer): { offset: number; length: number } {
  for (let i = 0; i < bytes.readUInt16BE(4); i++) {
    const at = 12 + i * 16;
    if (bytes.toString('latin1', at, at + 4) === 'glyf') return { offset: bytes.readUInt32BE(at + 8), length: bytes.readUInt32BE(at + 12) };
  }
  throw new Error('no glyf table');
}

function read(path: string, lazy: boolean): Buffer {
  const fd = openSync(path, 'r');
  try {
    return readFontFile(fd, path, fstatSync(fd), lazy);
  } finally {
    closeSync(fd);
  }
}

function copyOfSans(name: string): string {
  const path = join(dir, name);
  copyFileSync(sansPath, path);
  return path;
}

describe('readFontFile', () => {
  test('reads everything but the outlines, and an outline\'s pages when asked', () => {
    const bytes = read(sansPath, true);
    const glyf = glyfRange(whole);
    expect(bytes.length).toBe(whole.length);
    expect(bytes.subarray(0, glyf.offset).equals(whole.subarray(0, glyf.offset))).toBe(true);
    expect(bytes.subarray(glyf.offset + glyf.length).equals(whole.subarray(glyf.offset + glyf.length))).toBe(true);
    expect(bytes.subarray(glyf.offset, glyf.offset + glyf.length).every((byte) => byte === 0)).toBe(true);
    const pager = glyphPagerOf(bytes)!;
    pager.ensure(5000, 5300);
    const page = (n: number) => [glyf.offset + n * 4096, glyf.offset + (n + 1) * 4096] as const;
    expect(bytes.subarray(...page(1)).equals(whole.subarray(...page(1)))).toBe(true);
    expect(bytes.subarray(...page(2)).every((byte) => byte === 0)).toBe(true);
    // A range across pages reads them all; the table's last, partial page too.
    pager.ensure(4096 * 2 + 10, 4096 * 4 + 10);
    expect(bytes.subarray(glyf.offset + 4096 * 2, glyf.offset + 4096 * 5).equals(whole.subarray(glyf.offset + 4096 * 2, glyf.offset + 4096 * 5))).toBe(true);
    pager.ensure(glyf.length - 3, glyf.length + 100);
    expect(bytes.subarray(glyf.offset + glyf.length - 3, glyf.offset + glyf.length).equals(whole.subarray(glyf.offset + glyf.length - 3, glyf.offset + glyf.length))).toBe(true);
  });

  test('reads the whole file when asked to, and when it is not a plain TrueType file', () => {
    const eager = read(sansPath, false);
    expect(glyphPagerOf(eager)).toBeUndefined();
    expect(eager.equals(whole)).toBe(true);
    const notTrueType = join(dir, 'not-a-font.bin');
    writeFileSync(notTrueType, Buffer.from('OTTO and then some bytes that are no table directory'));
    const other = read(notTrueType, true);
    expect(glyphPagerOf(other)).toBeUndefined();
    expect(other.equals(readFileSync(notTrueType))).toBe(true);
  });

  test('a font parsed from the lazy buffer subsets to the same bytes as one parsed from the whole file', () => {
    const lazy = parseFont(read(sansPath, true)) as unknown as SubsettableFont;
    const full = parseFont(Buffer.from(whole)) as unknown as SubsettableFont;
    const subsetOf = (font: SubsettableFont) => {
      const subset = font.createSubset();
      for (const glyph of font.glyphsForString('政府信息公开工作年度报告（二〇二〇年）16件')) subset.includeGlyph(glyph.id);
      return Buffer.from(subset.encode());
    };
    expect(subsetOf(lazy).equals(subsetOf(full))).toBe(true);
  });

  test('a file changed or removed after the first read is a FontError, not a wrong glyph', () => {
    const changed = copyOfSans('changed.ttf');
    const bytes = read(changed, true);
    utimesSync(changed, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    expect(() => glyphPagerOf(bytes)!.ensure(0, 100)).toThrow(expect.objectContaining({ code: 'E_FONT', message: expect.stringContaining('changed or replaced') }));
    const removed = copyOfSans('removed.ttf');
    const gone = read(removed, true);
    rmSync(removed);
    expect(() => glyphPagerOf(gone)!.ensure(0, 100)).toThrow(expect.objectContaining({ code: 'E_FONT', message: expect.stringContaining('cannot read the font file') }));
  });
});

interface SubsettableFont {
  glyphsForString(text: string): { readonly id: number }[];
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
}
