import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import type { Block, Paragraph, Section } from '../../schema/content/content.ts';
import type { Report } from '../../schema/report/report.ts';
import { findPlaceholders } from '../findPlaceholders/findPlaceholders.ts';
import { readPreviousYear } from '../readCarriedForward/readCarriedForward.ts';
import { resolveFormBlock, type FormBlockContext } from '../resolveFormBlock/resolveFormBlock.ts';
import type { ResolvedAttachment, ResolvedBlock, ResolvedReport, ResolvedSection } from '../resolvedReport/resolvedReport.ts';

/** Options of {@link resolveForms}; the same exist as CLI flags. */
export interface ResolveFormsOptions {
  /** Fill every total left blank with its sum (表三 总计 column and （七）总计 row, 表四 总计); never overwrites a given total. */
  readonly fillTotals?: boolean;
  /**
   * Last year's report, its 表三 `data`, or its 表三 row 四、结转下年度继续办理, to check this year's 表三
   * 二 against it (and, from a report or 表二 `data`, a 2021-form 表二's 现行有效件数). A report of
   * another year than `meta.year − 1` is refused.
   */
  readonly previousYear?: unknown;
}

/** What {@link resolveForms} returns. */
export interface ResolveFormsResult {
  /** The report with official tables as generic tables, every table with its source. */
  readonly report: ResolvedReport;
  /** Errors (version, keys) and warnings (arithmetic, blanks, cross-year, placeholders), with paths from the root. */
  readonly issues: ReportIssue[];
}

/**
 * Replaces every official-form block of a report (sections, recursively, and attachments) by a
 * generic table with canonical labels, records where every table came from (form, shorthand or
 * header trees, with a form's value key paths), and collects the problems: form version (an error for
 * years before the unified forms), keys of the other version (errors), the arithmetic (勾稽关系),
 * blank cells, this year's 二 against last year's 四, and template placeholders left in the text.
 *
 * @param report A validated report.
 * @param options `fillTotals` and `previousYear`.
 * @returns The resolved report and the issues.
 * @throws {InvalidArgumentError} When `previousYear` is given but is not last year's report, data or row, or is a report of another year.
 */
export function resolveForms(report: Report, options: ResolveFormsOptions = {}): ResolveFormsResult {
  const previous = readPreviousYear(options.previousYear, report.meta.year);
  const context: FormBlockContext = {
    year: report.meta.year,
    ...(report.form === undefined ? {} : { reportForm: report.form }),
    ...(options.fillTotals === undefined ? {} : { fillTotals: options.fillTotals }),
    ...(previous?.carriedForward === undefined ? {} : { previous: previous.carriedForward }),
    ...(previous?.inForce === undefined ? {} : { previousInForce: previous.inForce }),
  };
  const issues: ReportIssue[] = [];
  const text = (value: string | undefined, path: IssuePath): void => {
    if (value !== undefined) issues.push(...findPlaceholders(value, path));
  };
  const paragraph = (p: Paragraph, path: IssuePath): void => {
    if (typeof p === 'string') return text(p, path);
    text(p.lead, [...path, 'lead']);
    text(p.text, [...path, 'text']);
  };
  const blocks = (list: readonly Block[], path: IssuePath): ResolvedBlock[] =>
    list.map((block, index): ResolvedBlock => {
      const here = [...path, index];
      if (typeof block === 'string' || 'text' in block) {
        paragraph(block, here);
        return block;
      }
      if ('form' in block) {
        text(block.caption, [...here, 'caption']);
        block.notes?.forEach((note, i) => text(note, [...here, 'notes', i]));
        const resolved = resolveFormBlock(block, here, context);
        issues.push(...resolved.issues);
        return resolved.block;
      }
      if ('heading' in block) return section(block, here);
      if ('table' in block) {
        text(block.table.caption, [...here, 'table', 'caption']);
        block.table.notes?.forEach((note, i) => text(note, [...here, 'table', 'notes', i]));
        const { inline, ...table } = block.table;
        return { table, source: { kind: inline === true ? 'inline' : 'bands' } };
      }
      text(block.image.caption, [...here, 'image', 'caption']);
      return block;
    });
  const section = (s: Section, path: IssuePath): ResolvedSection => {
    text(s.heading, [...path, 'heading']);
    const { content, ...rest } = s;
    return content === undefined ? rest : { ...rest, content: blocks(content, [...path, 'content']) };
  };
  const titles = typeof report.meta.title === 'string' ? [report.meta.title] : report.meta.title;
  titles.forEach((t, i) => text(t, typeof report.meta.title === 'string' ? ['meta', 'title'] : ['meta', 'title', i]));
  text(report.meta.issuer, ['meta', 'issuer']);
  report.intro?.forEach((p, i) => paragraph(p, ['intro', i]));
  const sections = report.sections.map((s, i) => section(s, ['sections', i]));
  const attachments = report.attachments?.map((a, i): ResolvedAttachment => {
    text(a.title, ['attachments', i, 'title']);
    return { ...a, content: blocks(a.content, ['attachments', i, 'content']) };
  });
  const { sections: _sections, attachments: _attachments, ...rest } = report;
  return { report: { ...rest, sections, ...(attachments === undefined ? {} : { attachments }) }, issues };
}
