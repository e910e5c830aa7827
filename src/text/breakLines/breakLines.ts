import type { FaceKey, TextMeasurer } from '../measure/measure.ts';
import { isWide } from '../measure/measure.ts';
import { breakOpportunities } from './breakOpportunities.ts';

/** A run of text in one face and size (a paragraph is one or more runs: lead phrase, then text). */
export interface TextRun {
  /** The text. */
  readonly text: string;
  /** Role and weight. */
  readonly face: FaceKey;
  /** Size in pt. */
  readonly size: number;
}

/** How to set lines. */
export interface LineSettings {
  /** Width of the line box in pt. */
  readonly width: number;
  /** Extra indent of the first line in pt. */
  readonly firstLineIndent?: number;
  /** Space added after every character in pt (negative tightens: the GB/T 9704 grid is −0.207 pt). */
  readonly tracking?: number;
  /** Spread full lines to the exact width by spacing between characters (not the last line). */
  readonly justify?: boolean;
  /** Prefer breaks between words (table cells). */
  readonly preferWords?: boolean;
  /**
   * Largest space justification may add between two characters, in pt. A line that would need
   * more is first broken inside an e-mail address or URL (after `@`, `/`, `.` or `-`); if it still
   * would, it is spread by this much only (ragged right). A line of a single unbreakable token is
   * left-aligned. Unset: no limit.
   */
  readonly maxSpacing?: number;
  /** Set full-width punctuation half width between adjacent marks and, when a line needs it to fit, at its ends (标点挤压). Default true. */
  readonly compressPunctuation?: boolean;
}

/** A piece of a set line in one face, drawn with uniform character spacing from `dx`. */
export interface LineSpan {
  /** The text. */
  readonly text: string;
  /** Role and weight. */
  readonly face: FaceKey;
  /** Size in pt. */
  readonly size: number;
  /** Offset from the line's start (after the indent) in pt. */
  readonly dx: number;
  /** Space after each character in pt. */
  readonly characterSpacing: number;
}

/** One set line. */
export interface SetLine {
  /** Spans left to right. */
  readonly spans: readonly LineSpan[];
  /** Indent of this line in pt (first-line indent, or 0). */
  readonly indent: number;
  /** Width the ink occupies, from the indent to the right of the last character, in pt. */
  readonly width: number;
  /** Whether the line was spread to the full width. */
  readonly justified: boolean;
}

interface Glyph {
  readonly char: string;
  readonly offset: number;
  readonly run: number;
  /** Advance of the character in its face and size, pt (tracking not included). */
  readonly width: number;
  /** Full-width punctuation whose mark fills half the em box: `open` has its blank half on the left, `close` on the right. */
  readonly punctuation: 'open' | 'close' | undefined;
  /** Half the character's em, pt. */
  readonly halfEm: number;
  /** Space taken out of the gap after this character by adjacent-punctuation compression, pt. */
  squeeze: number;
}

const EPSILON = 0.01;

/** Characters after which a long unbreakable token may be broken when the line would otherwise be spread thin. */
const HYPHENS = new Set(['-', '/', '－', '／', '‐']);
/** Inside an e-mail address or URL a line may also end after these. */
const URL_BREAKS = new Set(['@', '/', '.', '-']);
/** E-mail addresses and URLs (a scheme, or www.). */
const URL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\.)[\x21-\x7e]+/gu;

/** Full-width closing marks and Chinese point marks whose ink sits in the left half of the em box (CLREQ 3.1.6). */
const CLOSING = new Set([...'，。、；：）」』》〉】〕〗”’']);
/** Full-width opening marks whose ink sits in the right half. */
const OPENING = new Set([...'（「『《〈【〔〖“‘']);

/**
 * Breaks runs of text into lines of a given width and sets each line: CJK line-breaking rules
 * (UAX #14 with kinsoku), optional preference for word boundaries, a first-line indent, grid
 * tracking, punctuation compression (标点挤压, CLREQ: adjacent full-width marks share one em; an
 * opening mark at a line start or a closing mark at a line end is set half width when that lets
 * the line fit), breaks inside e-mail addresses and URLs, and justification of full lines by
 * spacing between characters (never inside a Latin word or number; the last line and lines ended
 * by a line feed are not stretched; never more than `maxSpacing`).
 *
 * @param runs The paragraph's runs.
 * @param measurer Font metrics.
 * @param settings Width, indent, tracking, justification.
 * @returns The lines.
 */
export function breakLines(runs: readonly TextRun[], measurer: TextMeasurer, settings: LineSettings): SetLine[] {
  const tracking = settings.tracking ?? 0;
  const compress = settings.compressPunctuation ?? true;
  const glyphs = toGlyphs(runs, measurer, compress);
  const text = runs.map((run) => run.text).join('');
  if (glyphs.length === 0) return [{ spans: [], indent: settings.firstLineIndent ?? 0, width: 0, justified: false }];
  const opportunities = breakOpportunities(text, settings.preferWords ?? false);
  const innerBreaks = tokenBreaks(text, glyphs);
  const fit: LineFit = { tracking, compress, preferWords: settings.preferWords ?? false, ...(settings.maxSpacing === undefined ? {} : { maxSpacing: settings.maxSpacing }) };
  const lines: SetLine[] = [];
  let start = 0;
  let oppIndex = 0;
  while (start < glyphs.length) {
    const indent = lines.length === 0 ? (settings.firstLineIndent ?? 0) : 0;
    const available = settings.width - indent;
    const { end, forced } = chooseBreak(glyphs, opportunities, innerBreaks, oppIndex, start, available, fit);
    if (end > start) while (oppIndex < opportunities.length && opportunities[oppIndex]!.position <= glyphs[end - 1]!.offset) oppIndex++;
    const isLast = end >= glyphs.length || forced;
    const lineGlyphs = trimTrailingSpace(glyphs.slice(start, end));
    lines.push(setLine(lineGlyphs, runs, indent, available, fit, settings.justify === true && !isLast));
    start = end;
    // One line feed ends one line: two in a row leave an empty line, a leading one an empty first line.
    if (start < glyphs.length && glyphs[start]!.char === '\n') start++;
  }
  return lines;
}

interface LineFit {
  readonly tracking: number;
  readonly compress: boolean;
  readonly preferWords: boolean;
  readonly maxSpacing?: number;
}

function punctuationOf(char: string): 'open' | 'close' | undefined {
  return CLOSING.has(char) ? 'close' : OPENING.has(char) ? 'open' : undefined;
}

function toGlyphs(runs: readonly TextRun[], measurer: TextMeasurer, compress: boolean): Glyph[] {
  const glyphs: Glyph[] = [];
  let offset = 0;
  runs.forEach((run, index) => {
    const face = measurer.face(run.face);
    for (const char of run.text) {
      const width = char === '\n' ? 0 : face.advance(char) * run.size;
      // Only a mark drawn full width has a blank half to take away.
      const fullWidth = Math.abs(width - run.size) < run.size * 0.05;
      glyphs.push({ char, offset, run: index, width, punctuation: fullWidth ? punctuationOf(char) : undefined, halfEm: run.size / 2, squeeze: 0 });
      offset += char.length;
    }
  });
  if (compress) {
    // Adjacent marks share their blank halves: 。」 → the 。 loses its right half, 」（ → the 」,
    // （「 → the 「 loses its left half; the pair is set in one and a half ems.
    for (let i = 0; i + 1 < glyphs.length; i++) {
      const a = glyphs[i]!;
      const b = glyphs[i + 1]!;
      if (a.punctuation === 'close' && b.punctuation !== undefined) a.squeeze = a.halfEm;
      else if (a.punctuation === 'open' && b.punctuation === 'open') a.squeeze = b.halfEm;
    }
  }
  return glyphs;
}

/**
 * Glyph indices before which a line may end inside a token: after a hyphen or slash followed by
 * a letter or digit (a phone number, 0000-1234567), and inside e-mail addresses and URLs after
 * `@`, `/`, `.` and `-`.
 */
function tokenBreaks(text: string, glyphs: readonly Glyph[]): ReadonlySet<number> {
  const breaks = new Set<number>();
  const indexAt = new Map<number, number>();
  glyphs.forEach((glyph, i) => indexAt.set(glyph.offset, i));
  const alnum = /[\p{L}\p{N}]/u;
  glyphs.forEach((glyph, i) => {
    if (HYPHENS.has(glyph.char) && alnum.test(glyphs[i + 1]?.char ?? '')) breaks.add(i + 1);
  });
  for (const match of text.matchAll(URL_PATTERN)) {
    const from = match.index;
    const to = from + match[0].length;
    for (let offset = from; offset < to - 1; offset++) {
      if (!URL_BREAKS.has(text[offset]!) || !alnum.test(text[offset + 1]!)) continue;
      const index = indexAt.get(offset + 1);
      if (index !== undefined) breaks.add(index);
    }
  }
  return breaks;
}

/**
 * Finds where the line starting at glyph `start` ends: the last break opportunity that fits
 * (with its end marks compressed if need be), preferring one between words when asked (if it
 * keeps at least half the line), breaking inside an e-mail address, URL or hyphenated number when
 * the line would otherwise be spread too thin, and splitting by characters only when a single
 * unbreakable piece is wider than the line.
 */
function chooseBreak(
  glyphs: readonly Glyph[],
  opportunities: readonly { position: number; required: boolean; betweenWords: boolean }[],
  innerBreaks: ReadonlySet<number>,
  fromOpp: number,
  start: number,
  available: number,
  fit: LineFit,
): { end: number; forced: boolean } {
  const { tracking, compress } = fit;
  const startShrink = compress && glyphs[start]!.punctuation === 'open' ? glyphs[start]!.halfEm : 0;
  let pen = 0;
  let index = start;
  let lastFit = -1;
  let lastWordFit = -1;
  let lastInner = -1;
  let opp = fromOpp;
  for (; index < glyphs.length; index++) {
    const glyph = glyphs[index]!;
    if (glyph.char === '\n') return { end: index, forced: true };
    const ink = pen + glyph.width;
    const endShrink = compress && glyph.punctuation === 'close' ? glyph.halfEm : 0;
    // A negative tracking (the grid) may pull the last character's ink past the edge by that much:
    // justification then closes the line exactly at the edge.
    if (ink - endShrink - startShrink > available + Math.max(EPSILON, -tracking) && !/\s/u.test(glyph.char)) break;
    pen = ink + tracking - glyph.squeeze;
    if (innerBreaks.has(index + 1)) lastInner = index + 1;
    const after = glyph.offset + glyph.char.length;
    while (opp < opportunities.length && opportunities[opp]!.position < after) opp++;
    const here = opportunities[opp];
    if (here !== undefined && here.position === after) {
      if (here.required && index + 1 < glyphs.length && glyphs[index + 1]!.char !== '\n') return { end: index + 1, forced: true };
      lastFit = index + 1;
      if (here.betweenWords) lastWordFit = index + 1;
    }
  }
  if (index >= glyphs.length) return { end: glyphs.length, forced: false };
  if (fit.preferWords && lastWordFit > start && lastWordFit - start >= (lastFit - start) / 2) return { end: lastWordFit, forced: false };
  // A long address, URL or number that may not be split would leave the line spread thin: break
  // inside it (after @ / . -) instead.
  if (lastInner > lastFit && lastFit > start && tooSparse(glyphs.slice(start, lastFit), available, fit)) return { end: lastInner, forced: false };
  if (lastFit > start) return { end: lastFit, forced: false };
  if (lastInner > start) return { end: lastInner, forced: false };
  return { end: Math.max(index, start + 1), forced: false };
}

/** Whether justifying these glyphs would space them wider than allowed (without a limit: past a tenth of the line). */
function tooSparse(glyphs: readonly Glyph[], available: number, fit: LineFit): boolean {
  const { natural, stretchable } = measure(trimTrailingSpace(glyphs), fit.tracking);
  if (fit.maxSpacing === undefined) return natural < available * 0.9;
  return stretchable === 0 || (available - natural) / stretchable > fit.maxSpacing + 1e-9;
}

function measure(glyphs: readonly Glyph[], tracking: number): { natural: number; stretchable: number } {
  let natural = 0;
  let stretchable = 0;
  glyphs.forEach((glyph, i) => {
    natural += glyph.width;
    if (i < glyphs.length - 1) {
      natural += tracking - glyph.squeeze;
      if (canStretchAfter(glyph.char, glyphs[i + 1]!.char)) stretchable++;
    }
  });
  return { natural, stretchable };
}

function trimTrailingSpace<T extends { readonly char: string }>(glyphs: readonly T[]): T[] {
  let end = glyphs.length;
  while (end > 0 && /\s/u.test(glyphs[end - 1]!.char)) end--;
  return glyphs.slice(0, end);
}

/** A gap after a character may stretch unless it sits inside a Latin word or a number. */
function canStretchAfter(current: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  const a = current.codePointAt(0) ?? 0;
  const b = next.codePointAt(0) ?? 0;
  return isWide(a) || isWide(b) || /\s/u.test(current);
}

function setLine(glyphs: readonly Glyph[], runs: readonly TextRun[], indent: number, available: number, fit: LineFit, justify: boolean): SetLine {
  const { tracking } = fit;
  const count = glyphs.length;
  const { natural, stretchable } = measure(glyphs, tracking);
  // Compression before spreading: a line over the width first sets its end marks half width.
  // An overshoot within the grid's negative tracking is closed by spacing, as without compression,
  // so that full grid lines keep every mark full width.
  let over = natural - available;
  let endTrim = 0;
  let startShift = 0;
  if (fit.compress && over > Math.max(EPSILON, -tracking) + EPSILON && count > 0) {
    const last = glyphs[count - 1]!;
    if (last.punctuation === 'close') endTrim = Math.min(last.halfEm, over);
    over -= endTrim;
    const first = glyphs[0]!;
    if (over > EPSILON && first.punctuation === 'open') startShift = Math.min(first.halfEm, over);
  }
  const ink = natural - endTrim - startShift;
  let extra = 0;
  if (stretchable > 0 && ink > available + EPSILON) extra = (available - ink) / stretchable;
  else if (stretchable > 0 && justify) {
    extra = (available - ink) / stretchable;
    // Never spread wider than the preset allows: such a line stays ragged.
    if (fit.maxSpacing !== undefined && extra > fit.maxSpacing) extra = fit.maxSpacing;
  }
  const spans: LineSpan[] = [];
  let x = 0 - startShift;
  let width = 0;
  let current: { text: string; run: number; dx: number; spacing: number } | undefined;
  glyphs.forEach((glyph, i) => {
    const last = i === count - 1;
    const spacing = last ? (current?.run === glyph.run ? current.spacing : tracking) : tracking - glyph.squeeze + (canStretchAfter(glyph.char, glyphs[i + 1]?.char) ? extra : 0);
    if (current !== undefined && current.run === glyph.run && Math.abs(current.spacing - spacing) < 1e-9) {
      current.text += glyph.char;
    } else {
      if (current !== undefined) spans.push(toSpan(current, runs));
      current = { text: glyph.char, run: glyph.run, dx: x, spacing };
    }
    width = x + glyph.width - (last ? endTrim : 0);
    x += glyph.width + spacing;
  });
  if (current !== undefined) spans.push(toSpan(current, runs));
  return { spans, indent, width: count === 0 ? 0 : width, justified: extra !== 0 };
}

function toSpan(current: { text: string; run: number; dx: number; spacing: number }, runs: readonly TextRun[]): LineSpan {
  const run = runs[current.run]!;
  return { text: current.text, face: run.face, size: run.size, dx: current.dx, characterSpacing: current.spacing };
}
