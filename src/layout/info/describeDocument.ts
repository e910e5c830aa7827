import type { ResolvedReport } from '../../forms/resolvedReport/resolvedReport.ts';
import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import type { TextMeasurer } from '../../text/measure/measure.ts';
import { checkText } from '../flow/checkText.ts';
import type { DocumentInfo } from '../plan/plan.ts';

/**
 * The document information written into the PDF (title on one line, author = issuer, subject,
 * keywords) and the draft watermark. PDF viewers show them, so they get the same checks as
 * printed text: the watermark in the heading face, the rest in the body face.
 *
 * @param report The resolved report.
 * @param context Font metrics.
 * @returns The information and the warnings about it (watermark first, then title, subject, keywords, issuer).
 */
export function describeDocument(report: ResolvedReport, context: { readonly measurer: TextMeasurer }): { info: DocumentInfo; warnings: ReportIssue[] } {
  const warnings: ReportIssue[] = [];
  const { measurer } = context;
  const watermark = report.draft?.watermark === undefined ? undefined : checkText(report.draft.watermark, 'heading', ['draft', 'watermark'], measurer, warnings);
  const { meta } = report;
  const info = (text: string, path: IssuePath) => checkText(text, 'body', path, measurer, warnings);
  const title = typeof meta.title === 'string' ? info(meta.title, ['meta', 'title']) : meta.title.map((line, i) => info(line, ['meta', 'title', i])).join('');
  const subject = meta.subject === undefined ? undefined : info(meta.subject, ['meta', 'subject']);
  const keywords = meta.keywords?.map((keyword, i) => info(keyword, ['meta', 'keywords', i])).join(', ');
  const author = info(meta.issuer, ['meta', 'issuer']);
  return {
    info: {
      title,
      author,
      ...(subject === undefined ? {} : { subject }),
      ...(keywords === undefined ? {} : { keywords }),
      ...(watermark === undefined ? {} : { watermark }),
    },
    warnings,
  };
}
