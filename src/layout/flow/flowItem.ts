import type { IssuePath } from '../../issues/issue.ts';
import type { SizedTable } from '../table/sizeTable/sizeTable.ts';
import type { OutlineMark, PlacedText } from '../plan/plan.ts';

/** A text run positioned relative to its line box: x from the text block's left, y from the line's top. */
export type LineText = Omit<PlacedText, 'kind'>;

/** A line ready to be put on a page: its height and its texts relative to the line box. */
export interface FlowLine {
  /** Height of the line box in pt (the pitch). */
  readonly height: number;
  /** Texts, x from the text block's left edge, y from the line box's top. */
  readonly texts: readonly LineText[];
}

/**
 * What the paginator places: measured lines with their keep rules, sized tables, images, blank
 * space and forced page starts.
 */
export type FlowItem =
  | {
      readonly kind: 'lines';
      readonly lines: readonly FlowLine[];
      /** Keep with at least two lines (or a table's first rows) of what follows: headings, captions. */
      readonly keepWithNext: boolean;
      /** May be split across pages (paragraphs); widows and orphans are avoided. */
      readonly splittable: boolean;
      /** Never split and never separated from what follows (signature). */
      readonly keepTogether?: boolean;
      /** Bookmark on the first line. */
      readonly outline?: OutlineMark;
      /** What it is, for page notes. */
      readonly note: string;
    }
  | {
      readonly kind: 'table';
      readonly table: SizedTable;
      readonly caption: readonly FlowLine[];
      readonly notes: readonly FlowLine[];
      readonly continuedLine: FlowLine;
      readonly ruleWidth: number;
      /** Never split a table that fits on one page. */
      readonly keepTogether: boolean;
      /** Fewest body rows to leave at a page bottom when the table continues. */
      readonly minRowsBeforeBreak: number;
      readonly path: IssuePath;
      readonly note: string;
    }
  | { readonly kind: 'image'; readonly data: Uint8Array; readonly width: number; readonly height: number; readonly caption: readonly FlowLine[]; readonly note: string }
  | { readonly kind: 'space'; readonly height: number }
  | { readonly kind: 'newPage'; readonly landscape: boolean };
