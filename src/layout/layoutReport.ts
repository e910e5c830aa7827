import type { ResolvedReport } from '../forms/resolvedReport/resolvedReport.ts';
import type { ReportIssue } from '../issues/issue.ts';
import type { LayoutPreset } from '../schema/layoutPreset/layoutPreset.ts';
import type { TextMeasurer } from '../text/measure/measure.ts';
import { collectBlocks } from './flow/collectBlocks.ts';
import { setBlocks } from './flow/setBlocks.ts';
import { addFolios } from './folio/addFolios.ts';
import { describeDocument } from './info/describeDocument.ts';
import { paginateByCost } from './paginate/paginateByCost.ts';
import { paintPages } from './paint/paintPages.ts';
import type { LayoutPlan } from './plan/plan.ts';

/** What the layout needs besides the report. */
export interface LayoutContext {
  /** The layout preset. */
  readonly preset: LayoutPreset;
  /** The text-measuring engine (real font metrics, or a fake in tests). */
  readonly measurer: TextMeasurer;
}

/**
 * Lays out a report. The steps, in the order they run, each a pure function of the one before:
 * 1. `collectBlocks` — ResolvedReport → FlowBlock[]: print order, section numbers, faces;
 * 2. `setBlocks` — FlowBlock[] → SetDocument: one setter per kind of block breaks text into
 *    lines, sizes tables, scales images; warnings about printed text;
 * 3. `paginateByCost` — FlowItem[] → Pagination: every break decision (which lines, images and table
 *    rows go on which page, at what height);
 * 4. `paintPages` — Pagination → PaintedPage[]: texts, images, table rules and cells at absolute positions;
 * 5. `addFolios` — PaintedPage[] → PlannedPage[]: page numbers;
 * beside them, `describeDocument` — ResolvedReport → DocumentInfo (PDF metadata, watermark).
 *
 * @param report A validated report with its official forms resolved (`resolveForms`).
 * @param context Preset and measurer.
 * @returns The finished plan.
 */
export function layoutReport(report: ResolvedReport, context: LayoutContext): LayoutPlan {
  const blocks = collectBlocks(report, context.preset);
  const set = setBlocks(blocks, context);
  const pagination = paginateByCost(set.items, context);
  const painted = paintPages(pagination, context);
  const pages = addFolios(painted, context);
  const document = describeDocument(report, context);
  return { pages, warnings: uniqueIssues([...set.warnings, ...document.warnings]), info: document.info };
}

/** The same text checked twice (the issuer in the signature and in the metadata) warns once. */
function uniqueIssues(issues: readonly ReportIssue[]): ReportIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code}\u0000${issue.pathText}\u0000${issue.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
