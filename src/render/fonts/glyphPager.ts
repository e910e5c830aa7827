/**
 * Reading a TrueType font file without its glyph outlines, which are read a page at a time when
 * a glyph is first used.
 *
 * Why: a full CJK face is 10–15 MB, 97 % of it the `glyf` table, and a report uses a few hundred
 * of its ~31,000 glyphs. Reading the four default faces whole took ~60 ms of a one-shot render
 * and kept ~51 MB resident in every process and pool worker. The file is read whole except
 * `glyf`, into a zero-filled buffer of the file's size (so every offset fontkit computes is the
 * file's own, and an unread byte is a zero, never stale memory); the font cache
 * (pdfmakeRuntime) asks {@link GlyphPager.ensure} for a glyph's bytes before fontkit sees the
 * glyph. Each read reopens the file and checks it is still the file first read (device, inode,
 * size, modification time), so no descriptor outlives the read (a pool worker that is stopped
 * leaks none) and a replaced file is an error, not a wrong glyph.
 */

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { FontError } from '../../errors/errors.ts';

/** Outline data read per request: whole 4 KiB pages, so a glyph's neighbours come with it. */
const PAGE = 4096;
/** A `glyf` table smaller than this is read with the rest of the file (nothing to gain). */
const MIN_LAZY_GLYF = 1 << 20;

/** Reads the bytes of glyph outlines on demand, for one font file. */
export interface GlyphPager {
  /**
   * Makes sure bytes `start` to `end` of the `glyf` table are in the buffer.
   *
   * @param start Offset in `glyf` (a `loca` entry).
   * @param end Offset in `glyf` where the glyph ends.
   * @throws {FontError} When the file cannot be read or is no longer the file first read.
   */
  ensure(start: number, end: number): void;
}

const pagers = new WeakMap<Uint8Array, GlyphPager>();

/**
 * The pager of a buffer read by {@link readFontFile}, if its outlines are read on demand.
 *
 * @param buffer The font file's buffer.
 * @returns The pager, or `undefined` when the buffer holds the whole file.
 */
export function glyphPagerOf(buffer: Uint8Array): GlyphPager | undefined {
  return pagers.get(buffer);
}

/**
 * Reads a font file from an open descriptor: whole, or (a plain TrueType file with a large
 * `glyf` table and no variations, when `lazyOutlines` is set) without its outlines.
 *
 * @param fd The open file (a regular file; closed by the caller).
 * @param path Its absolute path, for the on-demand reads and for messages.
 * @param stats `fstat` of `fd`: the size read, and the identity later reads check.
 * @param lazyOutlines Whether outlines may be left to a {@link GlyphPager} (only when every
 *   reader of the buffer goes through the font cache that calls it).
 * @returns The file's bytes (outlines possibly still zero).
 * @throws {FontError} When the file cannot be read.
 */
export function readFontFile(fd: number, path: string, stats: Stats, lazyOutlines: boolean): Buffer {
  const size = stats.size;
  const glyf = lazyOutlines ? lazyGlyfTable(fd, size) : undefined;
  const buffer = Buffer.alloc(size);
  if (glyf === undefined) {
    readFully(fd, buffer, 0, size, path);
    return buffer;
  }
  readFully(fd, buffer, 0, glyf.offset, path);
  readFully(fd, buffer, glyf.offset + glyf.length, size - glyf.offset - glyf.length, path);
  pagers.set(buffer, createPager(buffer, path, stats, glyf));
  return buffer;
}

interface TableRange {
  readonly offset: number;
  readonly length: number;
}

/**
 * The `glyf` table of a plain TrueType file if it is worth reading lazily: no collection, no
 * variations (their outlines depend on more than `glyf`), every other table outside it.
 */
function lazyGlyfTable(fd: number, size: number): TableRange | undefined {
  const header = Buffer.alloc(12);
  if (readSync(fd, header, 0, 12, 0) !== 12) return undefined;
  const version = header.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */) return undefined;
  const numTables = header.readUInt16BE(4);
  const records = Buffer.alloc(numTables * 16);
  if (readSync(fd, records, 0, records.length, 12) !== records.length) return undefined;
  const tables = new Map<string, TableRange>();
  for (let i = 0; i < numTables; i++) {
    const at = i * 16;
    tables.set(records.toString('latin1', at, at + 4), { offset: records.readUInt32BE(at + 8), length: records.readUInt32BE(at + 12) });
  }
  const glyf = tables.get('glyf');
  if (glyf === undefined || tables.has('fvar') || glyf.length < MIN_LAZY_GLYF || glyf.offset + glyf.length > size) return undefined;
  const headerEnd = 12 + records.length;
  if (glyf.offset < headerEnd) return undefined;
  for (const [tag, table] of tables) {
    if (tag !== 'glyf' && table.offset < glyf.offset + glyf.length && table.offset + table.length > glyf.offset) return undefined;
  }
  return glyf;
}

function readFully(fd: number, buffer: Buffer, offset: number, length: number, path: string): void {
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, offset + done, length - done, offset + done);
    if (read === 0) throw changedFile(path);
    done += read;
  }
}

function createPager(buffer: Buffer, path: string, first: Stats, glyf: TableRange): GlyphPager {
  const loaded = new Uint8Array(Math.ceil(glyf.length / PAGE));
  return {
    ensure(start, end) {
      const from = Math.max(0, Math.min(start, glyf.length));
      const to = Math.max(from, Math.min(end, glyf.length));
      if (to === from) return;
      let page = Math.floor(from / PAGE);
      const last = Math.floor((to - 1) / PAGE);
      while (page <= last) {
        if (loaded[page] === 1) {
          page += 1;
          continue;
        }
        let run = page;
        while (run + 1 <= last && loaded[run + 1] === 0) run += 1;
        const offset = glyf.offset + page * PAGE;
        const length = Math.min((run + 1) * PAGE, glyf.length) - page * PAGE;
        readAgain(path, first, buffer, offset, length);
        loaded.fill(1, page, run + 1);
        page = run + 1;
      }
    },
  };
}

/** Reads part of the file again, if it is still the file first read. */
function readAgain(path: string, first: Stats, buffer: Buffer, offset: number, length: number): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    throw new FontError({ zh: `无法再次读取字体文件 ${path}；请检查该文件是否仍在`, en: `cannot read the font file ${path} again; check that it is still there` }, cause);
  }
  try {
    const now = fstatSync(fd);
    if (now.dev !== first.dev || now.ino !== first.ino || now.size !== first.size || now.mtimeMs !== first.mtimeMs) throw changedFile(path);
    readFully(fd, buffer, offset, length, path);
  } catch (cause) {
    if (cause instanceof FontError) throw cause;
    throw new FontError({ zh: `无法再次读取字体文件 ${path}`, en: `cannot read the font file ${path} again` }, cause);
  } finally {
    closeSync(fd);
  }
}

function changedFile(path: string): FontError {
  return new FontError({
    zh: `字体文件 ${path} 在进程首次读取后被改动或替换；请重启进程以使用新文件`,
    en: `the font file ${path} was changed or replaced after this process first read it; restart the process to use the new file`,
  });
}
