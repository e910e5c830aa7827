import { breakLines, type SetLine, type TextRun } from '../breakLines/breakLines.ts';
import { breakOpportunities } from '../breakLines/breakOpportunities.ts';
import type { TextMeasurer } from '../measure/measure.ts';

/**
 * How a title of several lines is balanced (GB/T 9704-2012 7.3.2: 梯形或菱形):
 * `trapezoid` — lines grow or shrink steadily, the upper ones no longer than the lower ones by
 * preference (上短下长); `diamond` — the middle lines longest; `block` — every line full but the last.
 */
export type TitleShape = 'trapezoid' | 'diamond' | 'block';

/** How to break a title. */
export interface TitleSettings {
  /** The widest line allowed, in pt. */
  readonly width: number;
  /** The shape the lines form. */
  readonly shape: TitleShape;
}

/** Phrases a title line never breaks inside when another break will do. */
const WHOLE_PHRASES = ['政府信息公开工作年度报告', '政府信息公开', '信息公开', '工作年度报告', '年度报告'];
/** Phrases a line likes to start with. */
const LINE_STARTS = ['政府信息公开', '关于'];

/** Costs, in the same unit as the balance cost (squared ems of difference from the mean line). */
const COST = {
  /** A break that splits a word of the ICU dictionary segmentation. */
  insideWord: 1000,
  /** A break inside one of {@link WHOLE_PHRASES}. */
  insidePhrase: 500,
  /** One more line than the fewest possible. */
  extraLine: 300,
  /** A trapezoid that widens then narrows (or the reverse), a diamond that is not. */
  wrongShape: 200,
  /** A trapezoid whose upper lines are longer (倒梯形). */
  invertedTrapezoid: 20,
  /** A line ending after 年 / 年度 (the year) or before 政府信息公开 / 关于. */
  goodBreak: -50,
} as const;

/** Titles with more candidate combinations than this are set by the greedy word-aware breaker. */
const SEARCH_BUDGET = 50_000;

/**
 * Breaks a title into lines where the meaning is whole (GB/T 9704: 词意完整) and the lines are
 * balanced in the given shape. Candidate breaks are the line-break opportunities (UAX #14) of the
 * text; each costs according to whether it splits a word of ICU's Chinese dictionary segmentation
 * (`Intl.Segmenter`) or a fixed phrase (政府信息公开, 年度报告 …), with a bonus after the year
 * (…2023年 / …2023年度) and before 政府信息公开. Among the fewest lines (one more if that avoids a
 * split word), the cheapest sum of break costs and imbalance wins. A line feed in the text always
 * breaks there. Deterministic; bounded: beyond a search budget the greedy breaker is used.
 *
 * @param runs The title's runs.
 * @param measurer Font metrics.
 * @param settings Width and shape.
 * @returns The set lines (not justified).
 */
export function breakTitle(runs: readonly TextRun[], measurer: TextMeasurer, settings: TitleSettings): SetLine[] {
  return splitAtLineFeeds(runs).flatMap((paragraph) => breakParagraph(paragraph, measurer, settings));
}

function breakParagraph(runs: readonly TextRun[], measurer: TextMeasurer, settings: TitleSettings): SetLine[] {
  const greedy = breakLines(runs, measurer, { width: settings.width, preferWords: true });
  if (greedy.length <= 1) return greedy;
  const text = runs.map((run) => run.text).join('');
  const advances = prefixAdvances(runs, measurer);
  const candidates = breakOpportunities(text, true)
    .filter((opportunity) => opportunity.position < text.length)
    .map((opportunity) => ({ position: opportunity.position, cost: breakCost(text, opportunity.position, opportunity.betweenWords) }));
  const fewest = fewestLines(text, candidates.map((c) => c.position), advances, settings.width);
  if (fewest === undefined) return greedy;
  let best: { cost: number; breaks: number[] } | undefined;
  let budget = SEARCH_BUDGET;
  for (let lines = fewest; lines <= fewest + 1 && lines <= candidates.length + 1; lines++) {
    const found = search(text, candidates, advances, settings, lines, () => --budget >= 0);
    if (budget < 0) return greedy;
    if (found !== undefined && (best === undefined || found.cost + (lines - fewest) * COST.extraLine < best.cost)) {
      best = { cost: found.cost + (lines - fewest) * COST.extraLine, breaks: found.breaks };
    }
  }
  if (best === undefined) return greedy;
  const bounds = [0, ...best.breaks, text.length];
  return bounds.slice(1).flatMap((end, i) => breakLines(sliceRuns(runs, bounds[i]!, end), measurer, { width: settings.width }));
}

function breakCost(text: string, position: number, betweenWords: boolean): number {
  let cost = betweenWords ? 0 : COST.insideWord;
  if (WHOLE_PHRASES.some((phrase) => splits(text, position, phrase))) cost += COST.insidePhrase;
  const before = text.slice(0, position);
  const after = text.slice(position);
  if (/[0-9０-９〇零一二三四五六七八九十]年度?$/u.test(before)) cost += COST.goodBreak;
  if (LINE_STARTS.some((start) => after.startsWith(start))) cost += COST.goodBreak;
  return cost;
}

/** Whether a break at `position` falls strictly inside an occurrence of `phrase`. */
function splits(text: string, position: number, phrase: string): boolean {
  for (let from = Math.max(0, position - phrase.length + 1); from < position; from++) {
    if (text.startsWith(phrase, from) && from + phrase.length > position) return true;
  }
  return false;
}

/** Width of text[0, i) for every i, in pt. */
function prefixAdvances(runs: readonly TextRun[], measurer: TextMeasurer): number[] {
  const prefix = [0];
  for (const run of runs) {
    const face = measurer.face(run.face);
    for (const char of run.text) {
      const width = face.advance(char) * run.size;
      for (let unit = 0; unit < char.length; unit++) prefix.push(prefix.at(-1)! + (unit === char.length - 1 ? width : 0));
    }
  }
  return prefix;
}

function lineWidth(text: string, advances: readonly number[], from: number, to: number): number {
  let end = to;
  while (end > from && /\s/u.test(text[end - 1]!)) end--;
  let start = from;
  while (start < end && /\s/u.test(text[start]!)) start++;
  return advances[end]! - advances[start]!;
}

/** The fewest lines any choice of the candidate breaks gives (greedy is optimal for this), or undefined if a piece is too wide. */
function fewestLines(text: string, positions: readonly number[], advances: readonly number[], width: number): number | undefined {
  let lines = 1;
  let from = 0;
  let lastFit = -1;
  for (const position of [...positions, text.length]) {
    if (lineWidth(text, advances, from, position) <= width + 0.01) {
      lastFit = position;
      continue;
    }
    if (lastFit <= from) return undefined;
    lines++;
    from = lastFit;
    if (lineWidth(text, advances, from, position) > width + 0.01) return undefined;
    lastFit = position;
  }
  return lines;
}

function search(
  text: string,
  candidates: readonly { position: number; cost: number }[],
  advances: readonly number[],
  settings: TitleSettings,
  lines: number,
  spend: () => boolean,
): { cost: number; breaks: number[] } | undefined {
  let best: { cost: number; breaks: number[] } | undefined;
  const chosen: number[] = [];
  const visit = (from: number, next: number, breakCost: number): void => {
    if (!spend()) return;
    if (chosen.length === lines - 1) {
      if (lineWidth(text, advances, from, text.length) > settings.width + 0.01) return;
      const bounds = [0, ...chosen.map((i) => candidates[i]!.position), text.length];
      const widths = bounds.slice(1).map((end, i) => lineWidth(text, advances, bounds[i]!, end));
      const cost = breakCost + shapeCost(widths, settings, advances.at(-1)! / Math.max(1, text.length));
      if (best === undefined || cost < best.cost - 1e-9) best = { cost, breaks: chosen.map((i) => candidates[i]!.position) };
      return;
    }
    for (let i = next; i < candidates.length; i++) {
      const width = lineWidth(text, advances, from, candidates[i]!.position);
      if (width > settings.width + 0.01) break;
      chosen.push(i);
      visit(candidates[i]!.position, i + 1, breakCost + candidates[i]!.cost);
      chosen.pop();
    }
  };
  visit(0, 0, 0);
  return best;
}

/** Imbalance in squared ems from the mean line, plus a penalty when the lines do not form the shape. */
function shapeCost(widths: readonly number[], settings: TitleSettings, em: number): number {
  const inEms = widths.map((width) => width / em);
  if (settings.shape === 'block') return inEms.slice(0, -1).reduce((sum, w) => sum + (settings.width / em - w) ** 2, 0);
  const mean = inEms.reduce((a, b) => a + b, 0) / inEms.length;
  let cost = inEms.reduce((sum, w) => sum + (w - mean) ** 2, 0);
  const rising = inEms.every((w, i) => i === 0 || w >= inEms[i - 1]! - 0.01);
  const falling = inEms.every((w, i) => i === 0 || w <= inEms[i - 1]! + 0.01);
  if (settings.shape === 'trapezoid') {
    if (!rising && !falling) cost += COST.wrongShape;
    else if (!rising) cost += COST.invertedTrapezoid;
  } else if (inEms.length >= 3) {
    const widest = Math.max(...inEms);
    const peak = inEms.indexOf(widest);
    const unimodal = inEms.every((w, i) => i === 0 || (i <= peak ? w >= inEms[i - 1]! - 0.01 : w <= inEms[i - 1]! + 0.01));
    if (!unimodal || peak === 0 || peak === inEms.length - 1) cost += COST.wrongShape;
  }
  return cost;
}

function splitAtLineFeeds(runs: readonly TextRun[]): TextRun[][] {
  const paragraphs: TextRun[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      if (piece !== '') paragraphs.at(-1)!.push({ ...run, text: piece });
    });
  }
  return paragraphs.map((paragraph) => (paragraph.length === 0 ? [{ ...runs[0]!, text: '' }] : paragraph));
}

/** The part of the runs between two text offsets. */
function sliceRuns(runs: readonly TextRun[], from: number, to: number): TextRun[] {
  const result: TextRun[] = [];
  let offset = 0;
  for (const run of runs) {
    const start = Math.max(from, offset);
    const end = Math.min(to, offset + run.text.length);
    if (end > start) result.push({ ...run, text: run.text.slice(start - offset, end - offset) });
    offset += run.text.length;
  }
  return result;
}
