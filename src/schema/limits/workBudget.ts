import type { IssuePath } from '../../issues/issue.ts';
import { FORM_BLOCK_CELLS, type InputLimits } from './limits.ts';

/** The work-budget totals of a report, as counted by {@link measureWork}. */
export interface WorkTotals {
  /** Table cells (see `maxTotalCells`). */
  readonly cells: number;
  /** Characters of printed text. */
  readonly textLength: number;
  /** Blocks at every depth. */
  readonly blocks: number;
}

/** One budget the report goes over: the limit, its value, the total, and where the total first went over. */
export interface BudgetBreach {
  readonly limit: 'maxTotalCells' | 'maxTotalTextLength' | 'maxTotalBlocks';
  readonly max: number;
  readonly actual: number;
  /** The value at which the running total first passed the limit, in print order. */
  readonly path: IssuePath;
}

/** Keys whose arrays hold blocks. */
const BLOCK_LISTS = new Set(['intro', 'sections', 'content']);

/**
 * Counts the work a (schema-valid) report asks for — table cells, characters of text, blocks —
 * and says which work budgets it goes over and where. Every limit on its own bounds one
 * dimension; these totals bound their product, so that any report that passes validation
 * renders in bounded time and memory. Strings under an image's `data` or `src` are not text.
 *
 * @param report The report, after the structural checks (tables normalised to bands).
 * @param limits The limits.
 * @returns The totals and the budgets exceeded (empty when within every budget).
 */
export function measureWork(report: unknown, limits: Pick<InputLimits, 'maxTotalCells' | 'maxTotalTextLength' | 'maxTotalBlocks'>): { totals: WorkTotals; breaches: BudgetBreach[] } {
  const totals = { cells: 0, textLength: 0, blocks: 0 };
  const breaches: BudgetBreach[] = [];
  const over = new Set<string>();
  const add = (key: 'cells' | 'textLength' | 'blocks', amount: number, path: IssuePath) => {
    totals[key] += amount;
    const limit = key === 'cells' ? 'maxTotalCells' : key === 'textLength' ? 'maxTotalTextLength' : 'maxTotalBlocks';
    if (totals[key] > limits[limit] && !over.has(limit)) {
      over.add(limit);
      breaches.push({ limit, max: limits[limit], actual: 0, path: [...path] });
    }
  };
  const walk = (value: unknown, path: (string | number)[], inBlockList: boolean): void => {
    if (typeof value === 'string') {
      add('textLength', value.length, path);
      return;
    }
    if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        path.push(index);
        if (inBlockList) add('blocks', 1, path);
        walk(item, path, false);
        path.pop();
      });
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.form === 'string' && 'data' in record) add('cells', FORM_BLOCK_CELLS, path);
    if (Array.isArray(record.bands)) {
      for (const band of record.bands as { columns?: unknown; rows?: unknown }[]) {
        add('cells', countLeaves(band.columns, 'children') * countLeafRows(band.rows), path);
      }
    }
    for (const [key, child] of Object.entries(record)) {
      if (key === 'bands' && record.inline === true && Array.isArray(child) && child.length === 1) {
        // The one-band shorthand: the input has the band's keys on the table itself, so paths
        // into it have no `bands[0]` (the validation's own paths are the input's).
        walk(child[0], path, false);
        continue;
      }
      path.push(key);
      if (key === 'image' && typeof child === 'object' && child !== null) {
        // An image's data and src are not printed text; its caption is.
        const { data: _data, src: _src, ...printed } = child as Record<string, unknown>;
        walk(printed, path, false);
        path.pop();
        continue;
      }
      walk(child, path, BLOCK_LISTS.has(key) && Array.isArray(child));
      path.pop();
    }
  };
  walk(report, [], false);
  const actual = { maxTotalCells: totals.cells, maxTotalTextLength: totals.textLength, maxTotalBlocks: totals.blocks };
  return { totals, breaches: breaches.map((breach) => ({ ...breach, actual: actual[breach.limit] })) };
}

function countLeaves(nodes: unknown, childKey: string): number {
  if (!Array.isArray(nodes)) return 0;
  let count = 0;
  for (const node of nodes) {
    const children = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[childKey] : undefined;
    count += Array.isArray(children) ? countLeaves(children, childKey) : 1;
  }
  return count;
}

function countLeafRows(rows: unknown): number {
  return countLeaves(rows, 'children');
}
