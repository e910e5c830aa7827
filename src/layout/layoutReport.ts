import type { Report } from '../schema/report/report.ts';
import type { LayoutPreset } from '../schema/layoutPreset/layoutPreset.ts';
import { collectBlocks } from './flow/collectBlocks.ts';
import { setBlocks } from './flow/setBlocks.ts';
import { addFolios } from './folio/addFolios.ts';
import type { TextMeasurer } from './measure/measure.ts';
import { paginate } from './paginate/paginate.ts';
import type { LayoutPlan } from './plan/plan.ts';

/** What the layout needs besides the report. */
export interface LayoutContext {
  /** The layout preset. */
  readonly preset: LayoutPreset;
  /** The text-measuring engine (real font metrics, or a fake in tests). */
  readonly measurer: TextMeasurer;
}

/**
 * Lays out a report: the pipeline of layout steps, in the order they run.
 * 1. collectBlocks — flatten the report in print order, produce section numbers;
 * 2. setBlocks — break text into lines, size tables, check glyphs;
 * 3. paginate — fill pages and decide every break;
 * 4. addFolios — number the pages.
 *
 * @param report A validated report with its official forms already resolved into tables.
 * @param context Preset and measurer.
 * @returns The finished plan.
 */
export function layoutReport(report: Report, context: LayoutContext): LayoutPlan {
  const blocks = collectBlocks(report, context.preset);
  const { items, warnings } = setBlocks(blocks, context);
  const pages = addFolios(paginate(items, context.preset, context.measurer), context.preset, context.measurer);
  const title = report.meta.title;
  return {
    pages,
    warnings,
    info: {
      title: typeof title === 'string' ? title : title.join(''),
      author: report.meta.issuer,
      ...(report.meta.subject === undefined ? {} : { subject: report.meta.subject }),
      ...(report.meta.keywords === undefined ? {} : { keywords: report.meta.keywords.join(', ') }),
      ...(report.draft?.watermark === undefined ? {} : { watermark: report.draft.watermark }),
    },
  };
}
