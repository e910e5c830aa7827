import type { TextMeasurer } from '../../text/measure/measure.ts';
import type { FlowItem, FlowLine } from '../flow/flowItem.ts';
import type { PageFrame } from '../frame/pageFrame.ts';
import type { PageLayout, PagePiece, Pagination } from '../paginate/pagination.ts';
import type { OutlineMark, PlacedItem } from '../plan/plan.ts';
import { indexTableCells, paintTableSegment, type TableCellIndex } from '../table/paintTableSegment/paintTableSegment.ts';

/** A page with everything drawn on it at absolute positions, not yet numbered. */
export interface PaintedPage {
  /** The page's geometry. */
  readonly frame: PageFrame;
  /** What is drawn. */
  readonly items: readonly PlacedItem[];
  /** What the page holds, for tests. */
  readonly notes: readonly string[];
}

/** What painting needs: font metrics for the baselines of table text. */
export interface PaintContext {
  /** Font metrics. */
  readonly measurer: TextMeasurer;
}

/**
 * Paints every page the paginator decided: lines become texts at absolute positions (a bookmark
 * on a line's first text), images are centred in the text block, table pieces become their
 * rules and cell texts ({@link paintTableSegment}; each table is indexed once).
 *
 * @param pagination The flow items and the pages.
 * @param context Font metrics.
 * @returns The painted pages, in order.
 */
export function paintPages(pagination: Pagination, context: PaintContext): PaintedPage[] {
  const indexes = new Map<number, TableCellIndex>();
  const indexOf = (item: number, table: Parameters<typeof indexTableCells>[0]) => {
    let index = indexes.get(item);
    if (index === undefined) indexes.set(item, (index = indexTableCells(table)));
    return index;
  };
  return pagination.pages.map((page) => ({
    frame: page.frame,
    items: page.pieces.flatMap((piece) => paintPiece(piece, page, pagination.items, context, indexOf)),
    notes: page.notes,
  }));
}

function paintPiece(
  piece: PagePiece,
  page: PageLayout,
  items: readonly FlowItem[],
  context: PaintContext,
  indexOf: (item: number, table: Extract<FlowItem, { kind: 'table' }>['table']) => TableCellIndex,
): PlacedItem[] {
  const { frame } = page;
  switch (piece.kind) {
    case 'line':
      return paintLine(piece.line, frame, piece.y, piece.outline);
    case 'image': {
      const item = items[piece.item] as Extract<FlowItem, { kind: 'image' }>;
      return [{ kind: 'image', x: frame.left + (frame.textWidth - item.width) / 2, y: frame.top + piece.y, width: item.width, height: item.height, data: item.data }];
    }
    case 'tableRows': {
      const item = items[piece.item] as Extract<FlowItem, { kind: 'table' }>;
      return paintTableSegment(item.table, piece.segment, frame.left, frame.top + piece.y, item.ruleWidth, context.measurer, indexOf(piece.item, item.table));
    }
  }
}

/**
 * Paints a line of text: its runs at absolute positions, the bookmark (if any) on the first.
 *
 * @param line The line.
 * @param frame The page frame.
 * @param y The line box's top, pt from the top of the text block.
 * @param outline The bookmark starting at this line.
 * @returns The placed texts.
 */
export function paintLine(line: FlowLine, frame: PageFrame, y: number, outline?: OutlineMark): PlacedItem[] {
  return line.texts.map((text, index) => {
    const placed = { kind: 'text' as const, ...text, x: frame.left + text.x, y: frame.top + y + text.y };
    return index === 0 && outline !== undefined ? { ...placed, outline } : placed;
  });
}
