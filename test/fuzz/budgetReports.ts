/**
 * Reports at the edge of the work budget (issue 10, point 3), for the fuzz suite: a small
 * descriptor says how much of each budget to spend (a fraction near 1) and how — cells in wide or
 * narrow tables, text in table cells or paragraphs, blocks as paragraphs, one-cell tables, headings
 * or tiny images, image pixels in one or more large PNGs — and {@link buildBudgetReport} builds a
 * report that passes validation with the given limits.
 */
import fc from 'fast-check';
import type { InputLimits } from '../../src/schema/limits/limits.ts';
import { encodePng } from './imageSamples.ts';

/** How a budget report spends each budget. */
export interface BudgetShape {
  /** Fractions (0–1) of maxTotalCells, maxTotalTextLength, maxTotalBlocks and maxTotalImagePixels to spend. */
  readonly cells: number;
  readonly text: number;
  readonly blocks: number;
  readonly pixels: number;
  /** Columns of the numeric tables (1–maxTableColumns). */
  readonly columns: number;
  /** Where the text goes. */
  readonly textIn: 'cells' | 'paragraphs';
  /** What the blocks are. */
  readonly blockKind: 'paragraph' | 'table' | 'heading' | 'image';
  /** Number of images sharing the pixel budget. */
  readonly images: number;
}

/** Descriptors near the edge of every budget at once (80–100 % of each). */
export const budgetShapeArb: fc.Arbitrary<BudgetShape> = fc.record({
  cells: fc.double({ min: 0.8, max: 1, noNaN: true }),
  text: fc.double({ min: 0.8, max: 1, noNaN: true }),
  blocks: fc.double({ min: 0.8, max: 1, noNaN: true }),
  pixels: fc.double({ min: 0, max: 1, noNaN: true }),
  columns: fc.integer({ min: 1, max: 40 }),
  textIn: fc.constantFrom<'cells' | 'paragraphs'>('cells', 'paragraphs'),
  blockKind: fc.constantFrom<'paragraph' | 'table' | 'heading' | 'image'>('paragraph', 'table', 'heading', 'image'),
  images: fc.integer({ min: 1, max: 4 }),
});

const han = (length: number, seed: number): string => {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(0x4e00 + ((i * 7919 + seed * 131) % 20_000));
  return text;
};

/**
 * Builds the report a descriptor describes, within every limit of `limits` (the budgets are
 * spent up to the fractions; the text of labels and headings is counted into the text budget).
 *
 * @param shape The descriptor.
 * @param limits The limits the report must pass.
 * @returns A report object (images as bytes).
 */
export function buildBudgetReport(shape: BudgetShape, limits: InputLimits): Record<string, unknown> {
  const meta = { title: '预算', issuer: '某局', year: 2020 };
  let text = 4 + 1; // title, issuer, the first heading
  const blocksBudget = Math.floor(limits.maxTotalBlocks * shape.blocks);
  const perSection = Math.max(1, limits.maxBlocks);
  // Blocks of the chosen kind, less room for the sections that hold them and the content below.
  const fillerCount = Math.max(0, blocksBudget - 14 - Math.ceil(blocksBudget / (perSection + 1)));
  const tinyPixels = shape.blockKind === 'image' ? fillerCount * 4 * 4 * 3 : 0;
  const pixelsEach = Math.floor((limits.maxTotalImagePixels * shape.pixels - tinyPixels) / shape.images);
  const side = Math.max(1, Math.min(Math.floor(Math.sqrt(Math.min(pixelsEach, limits.maxImagePixels) / 3)), 4000));
  const images = side > 1 && shape.pixels > 0.05 ? Array.from({ length: shape.images }, () => ({ image: { data: encodePng({ width: side, height: side, colourType: 2 }) } })) : [];
  const tiny = encodePng({ width: 4, height: 4, colourType: 2 });
  const filler = Array.from({ length: fillerCount }, (_, i): unknown => {
    switch (shape.blockKind) {
      case 'paragraph':
        text += 1;
        return '段';
      case 'table':
        text += 1;
        return { table: { columns: ['数'], rows: [{ values: [i] }] } };
      case 'heading':
        text += 2;
        return { heading: '小节' };
      case 'image':
        return { image: { data: tiny } };
    }
  });
  const fillerCells = shape.blockKind === 'table' ? fillerCount : 0;
  const textBudget = Math.floor(limits.maxTotalTextLength * shape.text) - text - 200;
  const cellBudget = Math.floor(limits.maxTotalCells * shape.cells) - fillerCells;
  const content: unknown[] = [];
  let cellsLeft = cellBudget;
  if (shape.textIn === 'cells') {
    const cellText = Math.min(limits.maxCellTextLength, 500);
    const textCells = Math.max(0, Math.min(Math.floor(textBudget / cellText), cellsLeft));
    const columns = Math.min(limits.maxTableColumns, 40);
    const rows = Math.ceil(textCells / columns);
    if (rows > 0) {
      content.push({ table: { columns: Array.from({ length: columns }, () => '列'), rows: Array.from({ length: rows }, (_, r) => ({ values: Array.from({ length: columns }, (_, c) => (r * columns + c < textCells ? han(cellText, r * columns + c) : 0)) })) } });
      cellsLeft -= rows * columns;
    }
  } else {
    for (let left = textBudget; left > 0; left -= limits.maxParagraphLength) content.push(han(Math.min(left, limits.maxParagraphLength), left));
  }
  const columns = Math.min(shape.columns, limits.maxTableColumns);
  while (cellsLeft >= columns) {
    const rows = Math.min(limits.maxTableRows, Math.floor(cellsLeft / columns));
    content.push({ table: { columns: Array.from({ length: columns }, () => '列'), rows: Array.from({ length: rows }, (_, r) => ({ values: Array.from({ length: columns }, (_, c) => r + c) })) } });
    cellsLeft -= rows * columns;
  }
  content.push(...images);
  const sections: unknown[] = [{ heading: '一', content }];
  for (let i = 0; i < filler.length; i += perSection) sections.push({ heading: '一', content: filler.slice(i, i + perSection) });
  return { meta, sections };
}
