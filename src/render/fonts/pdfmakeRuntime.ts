import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { boundedMemo } from '../../text/boundedMemo/boundedMemo.ts';
import { PLACED_TEXT } from '../toDocDefinition/placedText.ts';
import { glyphPagerOf, type GlyphPager } from './glyphPager.ts';
import { decodeHeaderFirst, readLocaTable } from './trueTypeGlyphData.ts';

/**
 * The parts of a fontkit font that gov-report-pdf reads (fontkit ships no types).
 * @internal
 */
export interface FontkitFont {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly postscriptName: string | null;
  glyphForCodePoint(codePoint: number): { readonly advanceWidth: number; readonly id: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * pdfmake's font table: a family name → the virtual file of each style. Written out here rather
 * than imported from `@types/pdfmake` (a devDependency) so that no public declaration needs it.
 * @internal
 */
export type PdfmakeFontDictionary = Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>;

/** One pdfmake instance: fonts and access policies of its own, so renderers never share them. */
export interface PdfmakeInstance {
  setFonts(fonts: PdfmakeFontDictionary): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

interface PdfmakeModule extends PdfmakeInstance {
  readonly virtualfs: { writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean };
}

interface FontkitModule {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

const require = createRequire(import.meta.url);
/** Parsed fonts by file buffer and face name: each font file is parsed once per process. */
const parsedFonts = new WeakMap<Uint8Array, Map<string, FontkitFont>>();
let parseCount = 0;
let fontkitRuntime: { fontkit: FontkitModule; cacheInstalled: boolean } | undefined;
let runtime: { pdfmake: PdfmakeModule; fontkit: FontkitModule; cacheInstalled: boolean } | undefined;

/**
 * Parses a font through the per-process cache (the same cache pdfkit is served from).
 *
 * @param buffer The font file's bytes (the same Buffer object every time for the same file).
 * @param postscriptName The face inside a TTC collection.
 * @returns The parsed font.
 * @internal
 */
export function parseFont(buffer: Uint8Array, postscriptName?: string): FontkitFont {
  const { fontkit } = loadFontkit();
  let faces = parsedFonts.get(buffer);
  if (faces === undefined) {
    faces = new Map();
    parsedFonts.set(buffer, faces);
  }
  const key = postscriptName ?? '';
  let font = faces.get(key);
  if (font === undefined) {
    parseCount += 1;
    font = fontkit.create(buffer, postscriptName);
    if (font !== null && typeof font === 'object' && typeof font.glyphForCodePoint === 'function') memoizeFont(font as MemoizableFont, glyphPagerOf(buffer));
    faces.set(key, font);
  }
  return font;
}

/** fontkit internals the memoisation below wraps (fontkit 2.0). @internal */
interface MemoizableFont extends FontkitFont {
  readonly directory?: { readonly tables?: Record<string, { readonly offset: number; readonly length: number } | undefined> };
  readonly stream?: { readonly buffer?: unknown };
  readonly head?: { readonly indexToLocFormat?: number };
  readonly loca?: { readonly offsets?: ArrayLike<number> };
  _decodeTable?(table: { readonly tag?: string }): unknown;
  getGlyph(id: number, characters?: number[]): { _decode?: () => unknown } | null;
  layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRunLike;
  glyphsForString(text: string): GlyphLike[];
}

interface GlyphRunLike {
  readonly glyphs: unknown[];
  positions: object[];
}

/** Distinct strings whose shaping is kept per font before the memo starts afresh (bounds memory). */
const LAYOUT_MEMO_LIMIT = 50_000;

/**
 * Makes a cached font remember work pdfkit would redo for every document:
 * - `layout` (shaping a string): pdfmake shapes every text once to measure it and pdfkit again to
 *   draw it, each with a per-document cache. Plain layout (no features asked for) maps the text
 *   to glyphs by the cmap once per string and places them by advance widths (see simpleRun).
 * - `_decode` of each glyph: subsetting decodes a glyph's whole outline only to read whether it
 *   is composite, once per document. Now once per process, and only the glyph's header unless a
 *   caller reads its points (composite glyphs, rare in CJK faces, are decoded whole).
 * - the `loca` table, read from the bytes in one pass instead of entry by entry (trueTypeGlyphData).
 * - with a `pager` (glyphPager), a glyph's outline bytes are read from the file when fontkit
 *   first gets the glyph: every path by which fontkit reads `glyf` starts from `getGlyph`.
 * Same output bytes; measured in bench/RESULTS.md. Skipped for variable fonts, whose glyph data
 * depends on the variation.
 */
function memoizeFont(font: MemoizableFont, pager: GlyphPager | undefined): void {
  if (font.directory?.tables?.fvar !== undefined) return;
  const mutable = font as unknown as Record<string, unknown>;
  const bytes = font.stream?.buffer instanceof Uint8Array ? font.stream.buffer : undefined;
  if (typeof font._decodeTable === 'function' && bytes !== undefined) {
    const decodeTable = font._decodeTable.bind(font);
    mutable._decodeTable = (table: { readonly tag?: string; readonly offset?: number; readonly length?: number }) => {
      const format = table.tag === 'loca' ? font.head?.indexToLocFormat : undefined;
      const fast = format === undefined ? undefined : readLocaTable(bytes, table.offset ?? -1, table.length ?? 0, format);
      return fast ?? decodeTable(table);
    };
  }
  const getGlyph = font.getGlyph.bind(font);
  const decoded = new WeakSet<object>();
  mutable.getGlyph = (id: number, characters?: number[]) => {
    const glyph = getGlyph(id, characters);
    // Only TrueType glyphs decode their outline in `_decode`; CFF glyphs (OpenType collections such
    // as Debian's Noto CJK .ttc) have no such method and are left as they are. fontkit keeps one
    // glyph object per id, so this runs once per glyph.
    if (glyph !== null && typeof glyph._decode === 'function' && !decoded.has(glyph)) {
      decoded.add(glyph);
      const offsets = font.loca?.offsets;
      const glyf = font.directory?.tables?.glyf;
      const start = offsets?.[id];
      const end = offsets?.[id + 1];
      // The outline's bytes, before anything reads them (decoding, bounding box, subsetting);
      // making the glyph object reads none.
      if (pager !== undefined && start !== undefined && end !== undefined) pager.ensure(start, end);
      const decode = glyph._decode.bind(glyph);
      let done = false;
      let result: unknown;
      glyph._decode = () => {
        if (!done) {
          result = bytes === undefined || offsets === undefined || glyf === undefined ? decode() : decodeHeaderFirst(bytes, glyf.offset, offsets, id, decode);
          done = true;
        }
        return result;
      };
    }
    return glyph;
  };
  const layout = font.layout.bind(font);
  const glyphsOf = boundedMemo(LAYOUT_MEMO_LIMIT, (text: string): readonly GlyphLike[] => font.glyphsForString(text));
  mutable.layout = (text: string, features?: unknown, ...rest: unknown[]) => {
    const plain = features === undefined || (Array.isArray(features) && features.length === 0);
    if (!plain || rest.some((argument) => argument !== undefined)) return layout(text, features, ...rest);
    return simpleRun(glyphsOf(text));
  };
}

interface GlyphLike {
  readonly advanceWidth: number;
}

/**
 * A glyph run placed by advance widths alone, the way the layout measured it (src/text/measure):
 * no kerning and no OpenType substitution, which Chinese body text does not use. This keeps
 * drawing identical to the plan, and spares decoding the fonts' large GSUB/GPOS tables. pdfkit
 * scales the positions in place, so every call gets fresh ones.
 */
function simpleRun(glyphs: readonly GlyphLike[]): GlyphRunLike & { readonly advanceWidth: number } {
  const positions = glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
  return {
    glyphs: [...glyphs],
    positions,
    get advanceWidth() {
      return positions.reduce((sum, position) => sum + position.xAdvance, 0);
    },
  };
}

/**
 * How many times a font file has been parsed in this process. A test renders twice and checks
 * this does not grow, so it fails the day pdfkit stops going through the cache.
 *
 * @returns The number of parses so far.
 * @internal
 */
export function fontParseCount(): number {
  return parseCount;
}

/**
 * Loads fontkit with its `create` served from a per-process cache, without loading pdfmake.
 *
 * Why: pdfkit parses every font file again for every document (~10–15 MB each for full CJK
 * fonts), which is most of a warm render. pdfkit has no option for this, so before pdfkit is
 * first loaded we replace the `fontkit` entry in Node's module cache with a copy whose
 * `create` goes through {@link parseFont}. Pinned to pdfkit 0.19 / fontkit 2.0 (pdfkit calls
 * `fontkit.create(buffer, family)` in `PDFFontFactory.open`); `cacheInstalled` is false — and
 * fonts are simply parsed per render, still correct — if pdfkit was loaded before us. The layout
 * measures with fontkit alone, so planning (`check`, a `plan` call) never loads pdfmake.
 *
 * @returns fontkit and whether the cache will take effect.
 * @internal
 */
export function loadFontkit(): { fontkit: FontkitModule; cacheInstalled: boolean } {
  if (fontkitRuntime !== undefined) return fontkitRuntime;
  // pdfkit is pdfmake's dependency, not ours: resolve it from pdfmake (no reliance on hoisting).
  const pdfkitPath = pdfmakeRequire().resolve('pdfkit');
  const fontkitPath = createRequire(pdfkitPath).resolve('fontkit');
  const pdfkitLoaded = require.cache[pdfkitPath] !== undefined;
  if (!pdfkitLoaded) deferUnusedModules(pdfkitPath, fontkitPath);
  const fontkit = requireWithLazyTries(fontkitPath) as FontkitModule;
  const cached: Record<string, unknown> = {};
  for (const key of Object.keys(fontkit)) {
    if (key !== 'create') Object.defineProperty(cached, key, { enumerable: true, get: () => (fontkit as unknown as Record<string, unknown>)[key] });
  }
  cached.create = (buffer: Uint8Array, postscriptName?: string) => parseFont(buffer, postscriptName ?? undefined);
  const entry = require.cache[fontkitPath];
  if (entry !== undefined && !pdfkitLoaded) {
    entry.exports = cached;
  }
  fontkitRuntime = { fontkit, cacheInstalled: !pdfkitLoaded };
  return fontkitRuntime;
}

/**
 * Loads pdfmake on top of {@link loadFontkit} (so pdfkit gets the cached `fontkit`), with the
 * measuring hook for placed text installed.
 *
 * @returns The pdfmake module, fontkit, and whether the font cache took effect.
 * @internal
 */
export function loadRuntime(): { pdfmake: PdfmakeModule; fontkit: FontkitModule; cacheInstalled: boolean } {
  if (runtime !== undefined) return runtime;
  const { fontkit, cacheInstalled } = loadFontkit();
  runtime = { pdfmake: require('pdfmake') as PdfmakeModule, fontkit, cacheInstalled };
  installPlacedTextMeasure(pdfmakeRequire());
  return runtime;
}

function pdfmakeRequire(): NodeJS.Require {
  return createRequire(require.resolve('pdfmake'));
}

/** What pdfmake's DocMeasure gives the measuring of one text node (pdfmake 0.3). @internal */
interface DocMeasureLike {
  readonly pdfDocument: { provideFont(family: string, bold: boolean, italics: boolean): PdfkitFontLike };
  readonly textInlines: { widthOfText(text: string, inline: object): number };
  measureLeaf(node: Record<string, unknown>): unknown;
}

interface PdfkitFontLike {
  lineHeight(size: number): number;
}

let placedMeasures = 0;

/**
 * How many text nodes pdfmake measured through the placed-text path in this process. A test
 * renders and checks this grows, so it fails the day the hook stops taking effect.
 *
 * @returns The count.
 * @internal
 */
export function placedTextMeasureCount(): number {
  return placedMeasures;
}

const LEADING_SPACE = /^(\s)+/gu;
const TRAILING_SPACE = /(\s)+$/gu;

/**
 * Lets pdfmake measure a placed text node ({@link PLACED_TEXT}) without its style stack.
 *
 * Why: for every text node pdfmake's `DocMeasure.measureLeaf` resolves about 25 style properties,
 * each by pushing onto and walking its style stack with two new closures per lookup; that was
 * most of pdfmake's measuring time and a large part of the garbage of a render (bench/RESULTS.md,
 * issue 16). A placed node has every one of them fixed (its face, size and spacing; everything
 * else pdfmake's default), so its one inline is built directly, with pdfmake's own width and
 * line-height functions: the same inline, so the same PDF bytes (a test renders with and without
 * the hook and compares). Any other node, and any other user of pdfmake in the process, goes
 * through pdfmake's own `measureLeaf`. Pinned to pdfmake 0.3 (`DocMeasure.prototype.measureLeaf`
 * and the inline fields of `TextInlines.measure`); if the class is not found, nothing changes.
 */
function installPlacedTextMeasure(pdfmakeRequire: NodeJS.Require): void {
  let DocMeasure: { prototype: DocMeasureLike } | undefined;
  try {
    DocMeasure = (pdfmakeRequire('./DocMeasure.js') as { default?: { prototype: DocMeasureLike } }).default;
  } catch {
    return;
  }
  if (DocMeasure === undefined || typeof DocMeasure.prototype.measureLeaf !== 'function') return;
  const measureLeaf = DocMeasure.prototype.measureLeaf;
  DocMeasure.prototype.measureLeaf = function measurePlacedLeaf(this: DocMeasureLike, node: Record<string, unknown>) {
    if (node[PLACED_TEXT] !== true || typeof node.text !== 'string') return measureLeaf.call(this, node);
    placedMeasures += 1;
    const text = node.text;
    const fontSize = node.fontSize as number;
    const font = this.pdfDocument.provideFont(node.font as string, false, false);
    // The fields and values TextInlines.measure gives a one-word text with these styles.
    const inline: Record<string, unknown> = {
      text,
      font,
      alignment: 'left',
      fontSize,
      fontFeatures: null,
      characterSpacing: node.characterSpacing as number,
      color: 'black',
      decoration: null,
      decorationColor: null,
      decorationStyle: null,
      decorationThickness: null,
      background: null,
      link: null,
      linkToPage: null,
      linkToDestination: null,
      noWrap: true,
      opacity: 1,
      sup: false,
      sub: false,
    };
    inline.width = this.textInlines.widthOfText(text, inline);
    inline.height = font.lineHeight(fontSize) * (node.lineHeight as number);
    const leading = text.match(LEADING_SPACE);
    inline.leadingCut = leading === null ? 0 : this.textInlines.widthOfText(leading[0], inline);
    const trailing = text.match(TRAILING_SPACE);
    inline.trailingCut = trailing === null ? 0 : this.textInlines.widthOfText(trailing[0], inline);
    const width = Math.max(0, (inline.width as number) - (inline.leadingCut as number) - (inline.trailingCut as number));
    node._inlines = [inline];
    node._minWidth = width;
    node._maxWidth = width;
    return node;
  };
}

/**
 * Modules pdfkit and fontkit load at start-up that a render of ours never calls: PDF encryption
 * (@noble/hashes, @noble/ciphers: only for password-protected PDFs) and WOFF2 decompression
 * (brotli: only for .woff2 fonts). Loading them is ~15–20 % of loading pdfmake (bench/RESULTS.md,
 * "Issue 16 levers"). Each is resolved the way its requirer resolves it.
 */
const DEFERRED_MODULES: readonly { readonly from: 'pdfkit' | 'fontkit'; readonly request: string; readonly kind: 'object' | 'function' }[] = [
  { from: 'pdfkit', request: '@noble/hashes/utils', kind: 'object' },
  { from: 'pdfkit', request: '@noble/hashes/sha2', kind: 'object' },
  { from: 'pdfkit', request: '@noble/ciphers/aes', kind: 'object' },
  { from: 'fontkit', request: 'brotli/decompress.js', kind: 'function' },
];

/**
 * Puts a stand-in for each of {@link DEFERRED_MODULES} into Node's module cache before pdfkit is
 * loaded. pdfkit and fontkit only read these modules' members when they call them (`aes.cbc(…)`,
 * `sha2.sha256(…)`, `decompress(…)`), so a stand-in that loads the real module on first use keeps
 * them working; the stand-ins leave the cache at that moment, so the real modules' own requires
 * get the real modules. A module that is already loaded is left alone.
 */
function deferUnusedModules(pdfkitPath: string, fontkitPath: string): void {
  const requirers = { pdfkit: createRequire(pdfkitPath), fontkit: createRequire(fontkitPath) };
  const stands: { path: string; entry: NodeJS.Module }[] = [];
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    for (const { path, entry } of stands) if (require.cache[path] === entry) delete require.cache[path];
  };
  for (const deferred of DEFERRED_MODULES) {
    let path: string;
    try {
      path = requirers[deferred.from].resolve(deferred.request);
    } catch {
      continue;
    }
    if (require.cache[path] !== undefined) continue;
    let real: Record<string | symbol, unknown> | undefined;
    const load = () => {
      release();
      return (real ??= requirers[deferred.from](deferred.request) as Record<string | symbol, unknown>);
    };
    const exports =
      deferred.kind === 'function'
        ? (...args: unknown[]) => (load() as unknown as (...a: unknown[]) => unknown)(...args)
        : new Proxy({}, { get: (_target, key) => load()[key], has: (_target, key) => key in load() });
    const entry = { id: path, filename: path, loaded: true, exports, children: [], paths: [] } as unknown as NodeJS.Module;
    require.cache[path] = entry;
    stands.push({ path, entry });
  }
}

/**
 * Requires a module while `unicode-trie` builds its tries lazily.
 *
 * Why: fontkit unpacks three Unicode tries when it loads, for its Arabic, Indic and Universal
 * shapers, which a render of Chinese text never reaches (~27 ms of a one-shot render on this VM,
 * bench/RESULTS.md). While `path` loads, `unicode-trie` exports a class that keeps the packed data
 * and unpacks it at the first `get`, the only method fontkit and unicode-properties call; then the
 * real class is put back, so later requirers get it.
 */
function requireWithLazyTries(path: string): unknown {
  const trieRequire = createRequire(path);
  let entry: NodeJS.Module | undefined;
  let UnicodeTrie: (new (data: Uint8Array) => { get(codePoint: number): number }) | undefined;
  try {
    const triePath = trieRequire.resolve('unicode-trie');
    UnicodeTrie = trieRequire(triePath) as typeof UnicodeTrie;
    entry = require.cache[triePath];
  } catch {
    // fontkit without unicode-trie: nothing to defer.
  }
  if (entry === undefined || typeof UnicodeTrie !== 'function') return require(path);
  const Real = UnicodeTrie;
  class LazyUnicodeTrie {
    #data: Uint8Array;
    #trie: InstanceType<typeof Real> | undefined;
    constructor(data: Uint8Array) {
      this.#data = data;
    }
    get(codePoint: number): number {
      this.#trie ??= new Real(this.#data);
      return this.#trie.get(codePoint);
    }
  }
  entry.exports = LazyUnicodeTrie;
  try {
    return require(path);
  } finally {
    entry.exports = Real;
  }
}

/**
 * Creates a pdfmake instance of its own (pdfmake exports a singleton whose font table is
 * global; a renderer with its own fonts must not race with another on it).
 *
 * @returns A fresh pdfmake instance that denies all file and URL access.
 * @internal
 */
export function createPdfmakeInstance(): PdfmakeInstance {
  const { pdfmake } = loadRuntime();
  const Pdfmake = pdfmake.constructor as new () => PdfmakeInstance;
  const instance = new Pdfmake();
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy(() => false);
  return instance;
}

/**
 * Puts a font file's bytes into pdfmake's virtual file system under a name of our own, so
 * pdfmake reads fonts without any file access and hands pdfkit the same Buffer every time.
 *
 * @param name The virtual file name.
 * @param content The bytes.
 * @internal
 */
export function putVirtualFile(name: string, content: Buffer): void {
  const { pdfmake } = loadRuntime();
  if (!pdfmake.virtualfs.existsSync(name)) pdfmake.virtualfs.writeFileSync(name, content);
}
