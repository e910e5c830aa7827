import LineBreaker from 'linebreak';
import { boundedMemo } from '../boundedMemo/boundedMemo.ts';
import { isWide } from '../measure/measure.ts';

/** A place where a line may end: after `position` UTF-16 units of the text. */
export interface BreakOpportunity {
  /** Offset in the text (UTF-16 units) after which a line may end. */
  readonly position: number;
  /** A line must end here (a line feed in the text). */
  readonly required: boolean;
  /** The break falls between words (always true unless word preference is on and it splits a word). */
  readonly betweenWords: boolean;
}

/**
 * Made at first use, not at load: an ICU segmenter is a native object, and modules that hold none
 * at load can go into a V8 startup snapshot (bench/RESULTS.md, issue 16).
 */
let wordSegmenter: Intl.Segmenter | undefined;

/**
 * Lists where lines may end, by the Unicode line-breaking algorithm (UAX #14, which carries the
 * CJK kinsoku rules: closing punctuation ，。、；：？！）」》 never starts a line, opening brackets
 * （「《 never end one, Latin words and numbers are not split). With `preferWords`, each break is
 * also marked whether it falls between words of a Chinese dictionary segmentation (ICU), so short
 * labels such as 商业企业 break as 商业/企业 rather than 商业企/业.
 *
 * @param text The text.
 * @param preferWords Mark breaks that split words.
 * @returns The break opportunities, in order; the last is at the end of the text.
 */
export function breakOpportunities(text: string, preferWords: boolean): readonly BreakOpportunity[] {
  // Short texts (table labels, figures, captions) repeat within a table and across reports; a
  // paragraph is long and unique, so only short ones are kept.
  if (text.length > SHORT_TEXT) return findOpportunities(text, preferWords);
  return (preferWords ? wordOpportunityMemo : opportunityMemo)(text);
}

/** Longest text whose break opportunities are remembered. */
const SHORT_TEXT = 64;
/** Texts remembered (per kind) before the memo starts afresh: bounds a long-lived service's memory. */
const MEMO_LIMIT = 20_000;
const opportunityMemo = boundedMemo(MEMO_LIMIT, (text: string): readonly BreakOpportunity[] => Object.freeze(findOpportunities(text, false)));
const wordOpportunityMemo = boundedMemo(MEMO_LIMIT, (text: string): readonly BreakOpportunity[] => Object.freeze(findOpportunities(text, true)));

function findOpportunities(text: string, preferWords: boolean): BreakOpportunity[] {
  const wordEnds = preferWords ? wordBoundaries(text) : undefined;
  const breaker = new LineBreaker(text);
  const result: BreakOpportunity[] = [];
  const quoteBreaks = chineseQuoteBreaks(text);
  const push = (position: number, required: boolean) => {
    const betweenWords = wordEnds === undefined || ((wordEnds.has(position) || isPunctuationBefore(text, position)) && !splitsNumberAndUnit(text, position));
    result.push({ position, required, betweenWords });
  };
  for (let next = breaker.nextBreak(); next !== null; next = breaker.nextBreak()) {
    while (quoteBreaks.length > 0 && quoteBreaks[0]! < next.position) push(quoteBreaks.shift()!, false);
    if (quoteBreaks[0] === next.position) quoteBreaks.shift();
    push(next.position, next.required);
  }
  return result;
}

/** Marks that may not start a line (closing brackets and quotes, point marks): kinsoku. */
const NO_LINE_START = new Set([...'，。、；：？！）」』》〉】〕〗”’…—·%‰℃']);
/** Marks that may not end a line. */
const NO_LINE_END = new Set([...'（「『《〈【〔〖“‘']);

/**
 * UAX #14 (as the linebreak package implements it) treats “ ” ‘ ’ as ambiguous quotes that glue
 * to both neighbours, so 说：“好。” cannot break anywhere. In Chinese text they are brackets
 * (CLREQ): a line may end before an opening quote and after a closing one, as around （ ）.
 */
function chineseQuoteBreaks(text: string): number[] {
  const positions: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const before = text[i - 1]!;
    const here = text[i]!;
    const wide = (c: string) => isWide(c.codePointAt(0) ?? 0);
    if ((here === '“' || here === '‘') && wide(before) && !NO_LINE_END.has(before)) positions.push(i);
    else if ((before === '”' || before === '’') && wide(here) && !NO_LINE_START.has(here)) positions.push(i);
  }
  return positions;
}

function wordBoundaries(text: string): ReadonlySet<number> {
  const ends = new Set<number>();
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const segment of wordSegmenter.segment(text)) ends.add(segment.index + segment.segment.length);
  return ends;
}

/** A break right after punctuation or a space is always a good break. */
function isPunctuationBefore(text: string, position: number): boolean {
  const before = text[position - 1] ?? '';
  return /[\s\p{P}]/u.test(before);
}

/** A number and the measure word or unit after it (16件, 2023年) read as one word, which ICU splits. */
function splitsNumberAndUnit(text: string, position: number): boolean {
  return /\d/u.test(text[position - 1] ?? '') && isWide(text.codePointAt(position) ?? 0);
}
