import { createIssue } from '../../issues/createIssue.ts';
import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import { countOf, type FormCellValue } from '../formCell/formCell.ts';
import { cellKey, listFormCells, type FormCellRef, type FormTemplate } from '../formTemplate/formTemplate.ts';
import type { CellPath, EquationRule, FormRules, SumRule } from '../formRules/formRules.ts';
import { _sumParts, type WrittenSum } from '../_sumParts/_sumParts.ts';

/** The values of a table's cells, keyed by {@link cellKey}. */
export type FormGrid = ReadonlyMap<string, FormCellValue>;

/** Options of {@link checkFormRules}. */
export interface CheckFormRulesOptions {
  /** Fill every total left blank with the sum of its parts (a given total is never overwritten). */
  readonly fillTotals?: boolean;
}

/** What {@link checkFormRules} returns: the grid with filled totals, and the problems found. */
export interface FormRulesResult {
  /** The cell values, with blank totals filled when `fillTotals` is on. */
  readonly grid: FormGrid;
  /** Arithmetic and blank-cell warnings, each at its cell's path. */
  readonly issues: ReportIssue[];
}

interface Context {
  readonly template: FormTemplate;
  readonly cells: ReadonlyMap<string, FormCellRef>;
  readonly grid: Map<string, FormCellValue>;
  readonly filled: Set<string>;
  readonly prefix: IssuePath;
}

/**
 * Checks a table's arithmetic (勾稽关系): fills blank totals when asked, checks every sum rule
 * (reporting the total's cell with the given value, the expected value and how it was computed),
 * then every equation (reported at its column with both sides and their parts), then reports each
 * blank cell that takes part in a rule once (blanks count as 0) — or, when every such cell is
 * blank, the whole table once. All problems are warnings.
 *
 * @param template The table's template (cell names for messages).
 * @param rules The table's rules.
 * @param grid The given cell values.
 * @param prefix Path from the report's root to the block's `data`.
 * @param options `fillTotals`.
 * @returns The grid (with filled totals) and the issues.
 */
export function checkFormRules(
  template: FormTemplate,
  rules: FormRules,
  grid: FormGrid,
  prefix: IssuePath,
  options: CheckFormRulesOptions = {},
): FormRulesResult {
  const cells = new Map(listFormCells(template).map((cell) => [cellKey(cell.path), cell]));
  const ctx: Context = { template, cells, grid: new Map(grid), filled: new Set(), prefix };
  const issues: ReportIssue[] = [];
  for (const rule of rules.sums) {
    const issue = checkSum(ctx, rule, options.fillTotals === true);
    if (issue !== undefined) issues.push(issue);
  }
  for (const rule of rules.equations) {
    const issue = checkEquation(ctx, rule);
    if (issue !== undefined) issues.push(issue);
  }
  const used = new Set(rules.sums.flatMap((r) => [r.target, ...r.parts]).concat(rules.equations.flatMap((r) => [...r.left, ...r.right])).map(cellKey));
  if (used.size > 0 && [...used].every((key) => countOf(grid.get(key) ?? null) === null)) {
    issues.push(createIssue('blank_table', 'warning', prefix, {
      zh: `${template.name}：全部空白，合计时按 0 计算；请填写数字（无则填 0）`,
      en: `${template.name} is entirely blank, counted as 0; fill in the figures (0 where none)`,
    }, 'the figures'));
    return { grid: ctx.grid, issues };
  }
  for (const [key, cell] of cells) {
    if (used.has(key) && countOf(ctx.grid.get(key) ?? null) === null) issues.push(blankIssue(ctx, cell));
  }
  return { grid: ctx.grid, issues };
}

function cellAt(ctx: Context, path: CellPath): FormCellRef {
  const cell = ctx.cells.get(cellKey(path));
  if (cell === undefined) throw new Error(`form rule names a cell that is not in ${ctx.template.name}: ${cellKey(path)}`);
  return cell;
}

function countAt(ctx: Context, path: CellPath): number | null {
  return countOf(ctx.grid.get(cellKey(path)) ?? null);
}

function location(ctx: Context, cell: FormCellRef): string {
  return cell.row === '' ? `${ctx.template.name} · ${cell.column}` : `${ctx.template.name} · ${cell.row} × ${cell.column}`;
}

/** The parts of a sum with their short names (by column when they share one row, else by row). */
function parts(ctx: Context, paths: readonly CellPath[], byColumn: boolean): WrittenSum {
  return _sumParts(paths.map((path) => {
    const cell = cellAt(ctx, path);
    return { name: byColumn ? cell.columnShort : cell.rowShort, value: countAt(ctx, path) };
  }));
}

function checkSum(ctx: Context, rule: SumRule, fill: boolean): ReportIssue | undefined {
  const target = cellAt(ctx, rule.target);
  const key = cellKey(rule.target);
  const byColumn = rule.parts.every((p) => cellKey(cellAt(ctx, p).rowPath) === cellKey(target.rowPath));
  const sum = parts(ctx, rule.parts, byColumn);
  const given = countAt(ctx, rule.target);
  if (given === null && fill) {
    ctx.grid.set(key, sum.sum);
    ctx.filled.add(key);
    return undefined;
  }
  if ((given ?? 0) === sum.sum) return undefined;
  const computed = ctx.filled.has(key);
  const givenZh = given === null ? '空白' : computed ? `${given}（自动计算）` : String(given);
  const givenEn = given === null ? 'blank' : computed ? `${given} (computed)` : String(given);
  const hint = given === null ? { zh: '；可开启 fillTotals 自动计算', en: '; fillTotals computes it' } : { zh: '', en: '' };
  return createIssue(
    'sum_mismatch',
    'warning',
    [...ctx.prefix, ...rule.target],
    {
      zh: `${location(ctx, target)}：填报 ${givenZh}，应为 ${sum.sum} = ${sum.zh}${hint.zh}`,
      en: `${location(ctx, target)}: given ${givenEn}, expected ${sum.sum} = ${sum.en}${hint.en}`,
    },
    String(sum.sum),
  );
}

function checkEquation(ctx: Context, rule: EquationRule): ReportIssue | undefined {
  const left = parts(ctx, rule.left, false);
  const right = parts(ctx, rule.right, false);
  if (left.sum === right.sum) return undefined;
  const at = cellAt(ctx, rule.at);
  return createIssue(
    'column_equation',
    'warning',
    [...ctx.prefix, ...rule.at],
    {
      zh: `${ctx.template.name} · ${at.column}列：${rule.name} 不成立：${left.zh} = ${left.sum}，${right.zh} = ${right.sum}`,
      en: `${ctx.template.name} · column ${at.column}: ${rule.name} fails: ${left.en} = ${left.sum} but ${right.en} = ${right.sum}`,
    },
    rule.name,
  );
}

function blankIssue(ctx: Context, cell: FormCellRef): ReportIssue {
  return createIssue('blank_cell', 'warning', [...ctx.prefix, ...cell.path], {
    zh: `${location(ctx, cell)}：空白，合计时按 0 计算；如数量为 0 请填写 0`,
    en: `${location(ctx, cell)}: blank cell, counted as 0 in the sums; write 0 if the figure is zero`,
  }, 'a count (0 if none)');
}
