/**
 * Issue 10, the work budget: reports generated at the edge of every budget at once (80–100 % of
 * maxTotalCells, maxTotalTextLength and maxTotalBlocks, up to all of maxTotalImagePixels, spent
 * in different ways) pass validation with the default limits, and — rendered in a fresh process —
 * stay within the bound the defaults were chosen for: 60 s of CPU and 1.5 GB peak RSS. The
 * renders are heavy (tens of seconds each), so only `BUDGET_RUNS` (default 2) are rendered;
 * `bench/budget.mjs` measures the fixed worst cases and the README publishes them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/schema/limits/limits.ts';
import { measureWork } from '../../src/schema/limits/workBudget.ts';
import { validateReport } from '../../src/schema/validateReport/validateReport.ts';
import { budgetShapeArb, buildBudgetReport } from './budgetReports.ts';

const RENDERS = Number(process.env.BUDGET_RUNS ?? '2');

const toJson = (report: Record<string, unknown>) =>
  JSON.stringify(report, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value));

describe('the work budget', () => {
  it('generated reports at the edge of every budget pass validation with the defaults and reach most of each budget', () => {
    fc.assert(
      fc.property(budgetShapeArb, (shape) => {
        const report = buildBudgetReport(shape, DEFAULT_LIMITS);
        const result = validateReport(report);
        if (!result.ok) throw new Error(result.issues.slice(0, 3).map((issue) => `${issue.pathText}: ${issue.message.en}`).join(' | '));
        const { totals } = measureWork(result.report, DEFAULT_LIMITS);
        expect(totals.cells).toBeGreaterThan(DEFAULT_LIMITS.maxTotalCells * 0.75);
        expect(totals.textLength).toBeGreaterThan(DEFAULT_LIMITS.maxTotalTextLength * 0.7);
        expect(totals.blocks).toBeGreaterThan(DEFAULT_LIMITS.maxTotalBlocks * 0.75);
      }),
      { numRuns: 10 },
    );
  });

  it(`renders ${RENDERS} of them within 60 s of CPU and 1.5 GB (fresh processes)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grp-budget-'));
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const child = fileURLToPath(new URL('./budgetChild.ts', import.meta.url));
    try {
      // The heaviest way of spending each budget is always among the samples: text in cells, image pixels in full.
      const shapes = [
        { cells: 1, text: 1, blocks: 1, pixels: 1, columns: 40, textIn: 'cells', blockKind: 'table', images: 1 } as const,
        ...fc.sample(budgetShapeArb, { numRuns: Math.max(0, RENDERS - 1), seed: Date.now() % 1_000_000 }),
      ].slice(0, RENDERS);
      for (const [index, shape] of shapes.entries()) {
        const file = join(dir, `report-${index}.json`);
        writeFileSync(file, toJson(buildBudgetReport(shape, DEFAULT_LIMITS)));
        const { stdout } = await promisify(execFile)(process.execPath, [tsx, child, file], { timeout: 300_000, maxBuffer: 1 << 20 });
        const figures = JSON.parse(stdout.trim().split('\n').pop()!) as { outcome: string; wallMs: number; cpuMs: number; maxRssMb: number };
        console.info(`budget edge ${JSON.stringify(shape)} → ${JSON.stringify(figures)}`);
        expect(figures.outcome, JSON.stringify(shape)).toMatch(/^rendered /u);
        expect(figures.cpuMs).toBeLessThan(60_000);
        expect(figures.maxRssMb).toBeLessThan(1536);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 900_000);
});
