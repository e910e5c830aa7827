import type { FlowItem, FlowLine } from '../flow/flowItem.ts';
import type { PageFrame } from '../frame/pageFrame.ts';
import type { OutlineMark } from '../plan/plan.ts';
import type { TableSegment } from '../table/paintTableSegment/paintTableSegment.ts';

/**
 * One thing the paginator put on a page, `y` pt below the top of the text block: a line of
 * text, an image, or a run of a table's rows (with its head). `item` is the index of the flow
 * item it belongs to (a table's caption, 续表 line and notes are lines of the table item).
 */
export type PagePiece =
  | { readonly kind: 'line'; readonly item: number; readonly line: FlowLine; readonly y: number; readonly outline?: OutlineMark }
  | { readonly kind: 'image'; readonly item: number; readonly y: number }
  | { readonly kind: 'tableRows'; readonly item: number; readonly segment: TableSegment; readonly y: number };

/** A page as the paginator decided it: its geometry and what goes on it, nothing painted yet. */
export interface PageLayout {
  /** The page's geometry. */
  readonly frame: PageFrame;
  /** What goes on the page, in drawing order. */
  readonly pieces: readonly PagePiece[];
  /** What the page holds, for tests and debugging: e.g. `table 表三 band 0 rows 0–12`. */
  readonly notes: readonly string[];
  /** On a page that holds a line beyond the grid (the preset's `pagination.signaturePageExtraLines`): the share its line pitch was set to. */
  readonly lineScale?: number;
}

/** The paginator's result: the flow items and the pages they were broken into. */
export interface Pagination {
  /** The flow items, as set (pieces refer to them by index). */
  readonly items: readonly FlowItem[];
  /** The pages, in order. */
  readonly pages: readonly PageLayout[];
}
