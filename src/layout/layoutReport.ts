import type { Report } from '../schema/report/report.ts';
import type { LayoutPreset } from '../schema/layoutPreset/layoutPreset.ts';
import { collectBlocks } from './flow/collectBlocks.ts';
import { setBlocks } from './flow/setBlocks.ts';
import { checkText } from './flow/checkText.ts';
import { addFolios } from './folio/addFolios.ts';
import type { TextMeasurer } from '../text/measure/measure.ts';
import { paginate } from './paginate/paginate.ts';
import type { LayoutPlan } from './plan/plan.ts';
import type { IssuePath, ReportIssue } from '../issues/issue.ts';

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
  const watermark = report.draft?.watermark === undefined ? undefined : checkText(report.draft.watermark, 'heading', ['draft', 'watermark'], context.measurer, warnings);
  const pages = addFolios(paginate(items, context.preset, context.measurer), context.preset, context.measurer);
  // Document information is shown by PDF viewers, so it gets the same checks as printed text.
  const { meta } = report;
  const info = (text: string, path: IssuePath) => checkText(text, 'body', path, context.measurer, warnings);
  const title = typeof meta.title === 'string' ? info(meta.title, ['meta', 'title']) : meta.title.map((line, i) => info(line, ['meta', 'title', i])).join('');
  const subject = meta.subject === undefined ? undefined : info(meta.subject, ['meta', 'subject']);
  const keywords = meta.keywords?.map((keyword, i) => info(keyword, ['meta', 'keywords', i])).join(', ');
  const author = info(meta.issuer, ['meta', 'issuer']);
  return {
    pages,
    warnings: uniqueIssues(warnings),
    info: {
      title,
      author,
      ...(subject === undefined ? {} : { subject }),
      ...(keywords === undefined ? {} : { keywords }),
      ...(watermark === undefined ? {} : { watermark }),
    },
  };
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
