import type { LayoutPreset } from '../../schema/layoutPreset/layoutPreset.ts';
import type { TextMeasurer } from '../../text/measure/measure.ts';
import { pageFrame, type PageFrame } from '../frame/pageFrame.ts';
import type { FlowItem, FlowLine } from '../flow/flowItem.ts';
import type { OutlineMark, PlacedItem } from '../plan/plan.ts';
import { headHeight, paintTableSegment, type TableSegment } from '../table/paintTableSegment/paintTableSegment.ts';

/** A page as the paginator fills it. */
export interface PaginatedPage {
  /** The page's geometry. */
  readonly frame: PageFrame;
  /** What is drawn. */
  readonly items: PlacedItem[];
  /** What the page holds, for tests. */
  readonly notes: string[];
}

const EPSILON = 0.01;
const heightOf = (lines: readonly FlowLine[]) => lines.reduce((sum, line) => sum + line.height, 0);

/**
 * Fills pages with the flow items in order and decides every break: a heading or caption never
 * ends a page (it moves with at least two lines of what follows, or a table's head and first
 * row); a paragraph leaves no single line alone at the bottom (orphan) or top (widow) of a page
 * where it can avoid it; a table breaks between rows, and on the next page gets the 续表 marker
 * and its band's head again, with at least one row under it; cut row labels are drawn again;
 * an attachment starts a new page; after a table or image, text returns to the line grid.
 *
 * @param items Flow items in print order.
 * @param preset The layout preset.
 * @param measurer Font metrics.
 * @returns The pages.
 */
export function paginate(items: readonly FlowItem[], preset: LayoutPreset, measurer: TextMeasurer): PaginatedPage[] {
  const pages: PaginatedPage[] = [];
  let page: PaginatedPage = { frame: pageFrame(preset, false), items: [], notes: [] };
  pages.push(page);
  let y = 0;
  let started = false;
  const remaining = () => page.frame.textHeight - y;
  const newPage = (landscape = page.frame.landscape) => {
    page = { frame: pageFrame(preset, landscape), items: [], notes: [] };
    pages.push(page);
    y = 0;
  };
  const placeLine = (line: FlowLine, outline?: OutlineMark) => {
    line.texts.forEach((text, index) => {
      const placed = { kind: 'text' as const, ...text, x: page.frame.left + text.x, y: page.frame.top + y + text.y };
      page.items.push(index === 0 && outline !== undefined ? { ...placed, outline } : placed);
    });
    y += line.height;
  };
  const snapToGrid = () => {
    if (!page.frame.gridded) return;
    const pitch = page.frame.bodyPitch;
    y = Math.ceil(y / pitch - EPSILON) * pitch;
    if (y >= page.frame.textHeight - EPSILON) newPage();
  };

  items.forEach((item, index) => {
    switch (item.kind) {
      case 'newPage':
        if (started) newPage(item.landscape);
        else page = pages[pages.length - 1] = { frame: pageFrame(preset, item.landscape), items: [], notes: [] };
        break;
      case 'space':
        if (y > 0) y = Math.min(y + item.height, page.frame.textHeight);
        snapToGrid();
        break;
      case 'lines': {
        const next = item.keepWithNext ? minimumFollowing(items, index + 1, page.frame.textHeight) : 0;
        const whole = heightOf(item.lines);
        if (!item.splittable && y > 0 && whole + next > remaining() + EPSILON && whole + next <= page.frame.textHeight) newPage();
        page.notes.push(item.note);
        item.lines.forEach((line, k) => {
          const n = item.lines.length;
          if (item.splittable && y > 0) {
            const orphan = k === 0 && n >= 2 && heightOf(item.lines.slice(0, 2)) > remaining() + EPSILON;
            const widow = k === n - 2 && k >= 2 && line.height <= remaining() + EPSILON && heightOf(item.lines.slice(k, k + 2)) > remaining() + EPSILON;
            if (orphan || widow || line.height > remaining() + EPSILON) {
              newPage();
              if (k > 0) page.notes.push(`${item.note} (continued)`);
            }
          } else if (line.height > remaining() + EPSILON && y > 0) {
            newPage();
            page.notes.push(`${item.note} (continued)`);
          }
          placeLine(line, k === 0 ? item.outline : undefined);
        });
        // Titles and captions have their own pitch; the body after them returns to the grid.
        if (item.lines.some((line) => Math.abs(line.height - page.frame.bodyPitch) > EPSILON)) snapToGrid();
        break;
      }
      case 'image': {
        const total = item.height + heightOf(item.caption);
        if (y > 0 && total > remaining() + EPSILON) newPage();
        page.items.push({ kind: 'image', x: page.frame.left + (page.frame.textWidth - item.width) / 2, y: page.frame.top + y, width: item.width, height: item.height, data: item.data });
        page.notes.push(item.note);
        y += item.height;
        item.caption.forEach((line) => placeLine(line));
        snapToGrid();
        break;
      }
      case 'table':
        placeTable(item);
        snapToGrid();
        break;
    }
    if (item.kind !== 'newPage' && item.kind !== 'space') started = true;
  });
  return pages;

  function placeTable(item: Extract<FlowItem, { kind: 'table' }>): void {
    const { table } = item;
    if (y > 0 && tableOpening(item, page.frame.textHeight) > remaining() + EPSILON) newPage();
    item.caption.forEach((line) => placeLine(line));
    const x = page.frame.left;
    let rowsOnPage = 0;
    table.bands.forEach((band, bandIndex) => {
      const head = headHeight(band);
      if (y > 0 && head + (band.bodyHeights[0] ?? 0) > remaining() + EPSILON) {
        newPage();
        placeLine(item.continuedLine);
        rowsOnPage = 0;
      }
      let segment: TableSegment = { band: bandIndex, withHead: true, from: 0, to: -1 };
      let segmentTop = page.frame.top + y;
      y += head;
      band.bodyHeights.forEach((height, row) => {
        if (height > remaining() + EPSILON && rowsOnPage > 0) {
          page.items.push(...paintTableSegment(table, segment, x, segmentTop, item.ruleWidth, measurer));
          page.notes.push(`${item.note} band ${bandIndex} rows ${segment.from}–${segment.to}`);
          newPage();
          placeLine(item.continuedLine);
          segment = { band: bandIndex, withHead: true, from: row, to: row - 1 };
          segmentTop = page.frame.top + y;
          y += head;
          rowsOnPage = 0;
        }
        segment = { ...segment, to: row };
        y += height;
        rowsOnPage += 1;
      });
      page.items.push(...paintTableSegment(table, segment, x, segmentTop, item.ruleWidth, measurer));
      page.notes.push(`${item.note} band ${bandIndex} rows ${segment.from}–${segment.to}`);
    });
    item.notes.forEach((line) => {
      if (line.height > remaining() + EPSILON) newPage();
      placeLine(line);
    });
  }
}

/**
 * The height a table needs where it starts: with `keepTogether`, the whole table when it fits on
 * one page (a short table is never split); otherwise its caption, first head and its first
 * `minRowsBeforeBreak` rows.
 */
function tableOpening(item: Extract<FlowItem, { kind: 'table' }>, pageHeight: number): number {
  const first = item.table.bands[0]!;
  const whole = heightOf(item.caption) + item.table.bands.reduce((sum, band) => sum + headHeight(band) + band.bodyHeights.reduce((a, b) => a + b, 0), 0) + heightOf(item.notes);
  if (item.keepTogether && whole <= pageHeight) return whole;
  const rows = first.bodyHeights.slice(0, item.minRowsBeforeBreak).reduce((a, b) => a + b, 0);
  return Math.min(whole, heightOf(item.caption) + headHeight(first) + rows);
}

/** The height that must follow a heading on the same page: two lines of text, or a table's head and first row. */
function minimumFollowing(items: readonly FlowItem[], index: number, pageHeight: number): number {
  const item = items[index];
  if (item === undefined) return 0;
  switch (item.kind) {
    case 'lines':
      return item.splittable
        ? heightOf(item.lines.slice(0, 2))
        : heightOf(item.lines) + (item.keepWithNext ? minimumFollowing(items, index + 1, pageHeight) : 0);
    case 'table':
      return tableOpening(item, pageHeight);
    case 'image':
      return item.height;
    case 'space':
      return item.height + minimumFollowing(items, index + 1, pageHeight);
    case 'newPage':
      return 0;
  }
}
