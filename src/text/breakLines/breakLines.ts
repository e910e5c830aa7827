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
  readonly advance: number;
}

const EPSILON = 0.01;

/** Characters after which a long unbreakable token may be broken when the line would otherwise be spread thin. */
const HYPHENS = new Set(['-', '/', '－', '／', '‐']);

/**
 * Breaks runs of text into lines of a given width and sets each line: CJK line-breaking rules
 * (UAX #14 with kinsoku), optional preference for word boundaries, a first-line indent, grid
 * tracking, and justification of full lines by spacing between characters (never inside a Latin
 * word or number; the last line and lines ended by a line feed are not stretched).
 *
 * @param runs The paragraph's runs.
 * @param measurer Font metrics.
 * @param settings Width, indent, tracking, justification.
 * @returns The lines.
 */
export function breakLines(runs: readonly TextRun[], measurer: TextMeasurer, settings: LineSettings): SetLine[] {
  const tracking = settings.tracking ?? 0;
  const glyphs = toGlyphs(runs, measurer, tracking);
  const text = runs.map((run) => run.text).join('');
  if (glyphs.length === 0) return [{ spans: [], indent: settings.firstLineIndent ?? 0, width: 0, justified: false }];
  const opportunities = breakOpportunities(text, settings.preferWords ?? false);
  const lines: SetLine[] = [];
  let start = 0;
  let oppIndex = 0;
  while (start < glyphs.length) {
    const indent = lines.length === 0 ? (settings.firstLineIndent ?? 0) : 0;
    const available = settings.width - indent;
    const { end, forced } = chooseBreak(glyphs, opportunities, oppIndex, start, available, tracking, settings.preferWords ?? false);
    if (end > start) while (oppIndex < opportunities.length && opportunities[oppIndex]!.position <= glyphs[end - 1]!.offset) oppIndex++;
    const isLast = end >= glyphs.length || forced;
    const lineGlyphs = trimTrailingSpace(glyphs.slice(start, end));
    lines.push(setLine(lineGlyphs, runs, indent, available, tracking, settings.justify === true && !isLast));
    start = end;
    // One line feed ends one line: two in a row leave an empty line, a leading one an empty first line.
    if (start < glyphs.length && glyphs[start]!.char === '\n') start++;
  }
  return lines;
}

function toGlyphs(runs: readonly TextRun[], measurer: TextMeasurer, tracking: number): Glyph[] {
  const glyphs: Glyph[] = [];
  let offset = 0;
  runs.forEach((run, index) => {
    const face = measurer.face(run.face);
    for (const char of run.text) {
      const advance = char === '\n' ? 0 : face.advance(char) * run.size + tracking;
      glyphs.push({ char, offset, run: index, advance });
      offset += char.length;
    }
  });
  return glyphs;
}

/**
 * Finds where the line starting at glyph `start` ends: the last break opportunity that fits,
 * preferring one between words when asked (if it keeps at least half the line), and splitting
 * by characters only when a single unbreakable piece is wider than the line.
 */
function chooseBreak(
  glyphs: readonly Glyph[],
  opportunities: readonly { position: number; required: boolean; betweenWords: boolean }[],
  fromOpp: number,
  start: number,
  available: number,
  tracking: number,
  preferWords: boolean,
): { end: number; forced: boolean } {
  let width = 0;
  let index = start;
  let lastFit = -1;
  let widthAtFit = 0;
  let lastWordFit = -1;
  let lastHyphen = -1;
  let opp = fromOpp;
  for (; index < glyphs.length; index++) {
    const glyph = glyphs[index]!;
    if (glyph.char === '\n') return { end: index, forced: true };
    const inkWidth = width + glyph.advance - tracking;
    // A negative tracking (the grid) may pull the last character's ink past the edge by that much:
    // justification then closes the line exactly at the edge.
    if (inkWidth > available + Math.max(EPSILON, -tracking) && !/\s/u.test(glyph.char)) break;
    width += glyph.advance;
    if (HYPHENS.has(glyph.char) && /[\p{L}\p{N}]/u.test(glyphs[index + 1]?.char ?? '')) lastHyphen = index + 1;
    const after = glyph.offset + glyph.char.length;
    while (opp < opportunities.length && opportunities[opp]!.position < after) opp++;
    const here = opportunities[opp];
    if (here !== undefined && here.position === after) {
      if (here.required && index + 1 < glyphs.length && glyphs[index + 1]!.char !== '\n') return { end: index + 1, forced: true };
      lastFit = index + 1;
      widthAtFit = width;
      if (here.betweenWords) lastWordFit = index + 1;
    }
  }
  if (index >= glyphs.length) return { end: glyphs.length, forced: false };
  if (preferWords && lastWordFit > start && lastWordFit - start >= (lastFit - start) / 2) return { end: lastWordFit, forced: false };
  // A long number or code that may not be split (a phone number, 0000-1234567) would leave the
  // line spread thin; past a tenth of the line, break after a hyphen or slash inside it instead.
  if (lastHyphen > lastFit && lastFit > start && widthAtFit < available * 0.9) return { end: lastHyphen, forced: false };
  if (lastFit > start) return { end: lastFit, forced: false };
  return { end: Math.max(index, start + 1), forced: false };
}

function trimTrailingSpace(glyphs: Glyph[]): Glyph[] {
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

function setLine(
  glyphs: readonly Glyph[],
  runs: readonly TextRun[],
  indent: number,
  available: number,
  tracking: number,
  justify: boolean,
): SetLine {
  const natural = glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) - (glyphs.length > 0 ? tracking : 0);
  const stretchable = glyphs.filter((glyph, i) => canStretchAfter(glyph.char, glyphs[i + 1]?.char)).length;
  const overflow = natural > available + EPSILON;
  const extra = (justify || overflow) && stretchable > 0 ? (available - natural) / stretchable : 0;
  const spans: LineSpan[] = [];
  let x = 0;
  let current: { text: string; run: number; dx: number; spacing: number } | undefined;
  glyphs.forEach((glyph, i) => {
    const run = runs[glyph.run]!;
    const last = i === glyphs.length - 1;
    const spacing = last ? (current?.spacing ?? tracking) : tracking + (canStretchAfter(glyph.char, glyphs[i + 1]?.char) ? extra : 0);
    if (current !== undefined && current.run === glyph.run && Math.abs(current.spacing - spacing) < 1e-9) {
      current.text += glyph.char;
    } else {
      if (current !== undefined) spans.push(toSpan(current, runs));
      current = { text: glyph.char, run: glyph.run, dx: x, spacing };
    }
    x += glyph.advance - tracking + spacing;
    if (last) x -= spacing;
    void run;
  });
  if (current !== undefined) spans.push(toSpan(current, runs));
  return { spans, indent, width: x, justified: extra !== 0 };
}

function toSpan(current: { text: string; run: number; dx: number; spacing: number }, runs: readonly TextRun[]): LineSpan {
  const run = runs[current.run]!;
  return { text: current.text, face: run.face, size: run.size, dx: current.dx, characterSpacing: current.spacing };
}
