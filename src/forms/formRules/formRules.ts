import { cellKey, listFormCells, type FormTemplate } from '../formTemplate/formTemplate.ts';
import { TABLE4_GROUPS } from '../table4/table4.ts';

/** A cell's path in the keyed input, e.g. `['total', 'naturalPerson']`. */
export type CellPath = readonly string[];

/** A total that must equal the sum of its parts; the total is filled by `fillTotals` when blank. */
export interface SumRule {
  /** The total. */
  readonly target: CellPath;
  /** The cells that add up to it. */
  readonly parts: readonly CellPath[];
}

/** Two sums that must be equal (表三, per column: 一 + 二 = 三（七）+ 四). */
export interface EquationRule {
  /** The rule as printed in messages. */
  readonly name: string;
  /** The cells of the left side. */
  readonly left: readonly CellPath[];
  /** The cells of the right side. */
  readonly right: readonly CellPath[];
  /** The cell whose path and column name the problem (the column's first cell). */
  readonly at: CellPath;
}

/** The arithmetic (勾稽关系) of one table, in the order totals are filled and checked. */
export interface FormRules {
  /** Totals, in filling order (a total used by a later rule comes first). */
  readonly sums: readonly SumRule[];
  /** Equations, checked after every total is known. */
  readonly equations: readonly EquationRule[];
}

const NOT_RESULTS = new Set(['newlyReceived', 'carriedOver', 'total', 'carriedForward']);

function unique(paths: readonly CellPath[]): CellPath[] {
  const seen = new Map<string, CellPath>();
  for (const path of paths) if (!seen.has(cellKey(path))) seen.set(cellKey(path), path);
  return [...seen.values()];
}

function table3Rules(template: FormTemplate): FormRules {
  const cells = listFormCells(template);
  const rows = unique(cells.map((c) => c.rowPath));
  const columns = unique(cells.map((c) => c.columnPath));
  const parts = columns.filter((c) => c[0] !== 'total');
  const results = rows.filter((r) => !NOT_RESULTS.has(r[0] ?? ''));
  const rowSum = (row: CellPath): SumRule => ({ target: [...row, 'total'], parts: parts.map((c) => [...row, ...c]) });
  return {
    sums: [
      ...rows.filter((r) => r[0] !== 'total').map(rowSum),
      ...columns.map((c) => ({ target: ['total', ...c], parts: results.map((r) => [...r, ...c]) })),
      rowSum(['total']),
    ],
    equations: columns.map((c) => ({
      name: '一 + 二 = 三（七）+ 四',
      left: [['newlyReceived', ...c], ['carriedOver', ...c]],
      right: [['total', ...c], ['carriedForward', ...c]],
      at: ['newlyReceived', ...c],
    })),
  };
}

function table4Rules(): FormRules {
  return {
    sums: TABLE4_GROUPS.map((group) => ({
      target: [...group, 'total'],
      parts: ['upheld', 'corrected', 'other', 'pending'].map((outcome) => [...group, outcome]),
    })),
    equations: [],
  };
}

/**
 * The arithmetic an official table must satisfy: 表三 每列 一+二 = 三（七）+四, 每行 总计 = 自然人 +
 * 五类组织, 每列 （七）总计 = 全部办理结果之和; 表四 每组 总计 = 四项之和; 表二 none.
 *
 * @param template The table's template.
 * @returns Its sum rules (in filling order) and equations.
 */
export function formRules(template: FormTemplate): FormRules {
  if (template.id === 'table3') return table3Rules(template);
  if (template.id === 'table4') return table4Rules();
  return { sums: [], equations: [] };
}
