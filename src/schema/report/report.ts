import * as z from 'zod';
import { DEFAULT_LIMITS, type InputLimits } from '../limits/limits.ts';
import { strictObject } from '../strictObject/strictObject.ts';
import { createContentSchemas, type Attachment, type Paragraph, type Section } from '../content/content.ts';
import { requiredText } from '../content/text.ts';
import { named } from '../jsonSchema/named.ts';
import { limitCheck, withMessage } from '../messages/messages.ts';
import { FORM_VERSIONS, type FormVersion } from '../forms/forms.ts';
import { LAYOUT_PRESET_NAMES, type LayoutPresetName } from '../layoutPreset/layoutPreset.ts';
import { measureWork } from '../limits/workBudget.ts';

/** A calendar date written `YYYY-MM-DD`, printed as `2021年1月15日`. */
const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u;

/**
 * A `YYYY-MM-DD` date that exists in the (proleptic) Gregorian calendar: 29 February only in leap
 * years (divisible by 4; of the century years, those divisible by 400). A regular expression rather
 * than a Date computation so that the exported JSON Schema carries the very same rule as `pattern`.
 * @internal
 */
export const CALENDAR_DATE =
  /^(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$/u;

/** Whether a `YYYY-MM-DD` string names a day that exists (no 30 February). */
function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return true; // the format check reports it
  return CALENDAR_DATE.test(text);
}

/** The report's metadata: title, issuing body, year, date of issue. */
export interface ReportMeta {
  /** The title; an array gives the title's lines explicitly (the seed sets it on two lines). */
  readonly title: string | readonly string[];
  /** The issuing body (发文机关), printed in the signature and set as the PDF's author. */
  readonly issuer: string;
  /** The year the report covers. */
  readonly year: number;
  /** Date of issue (成文日期), `YYYY-MM-DD`. */
  readonly date?: string;
  /** PDF subject. */
  readonly subject?: string;
  /** PDF keywords. */
  readonly keywords?: readonly string[];
}

/** A validated report: the input model of gov-report-pdf. */
export interface Report {
  /** Title, issuer, year, date. */
  readonly meta: ReportMeta;
  /** Which official form the statistics tables follow; defaults from `meta.year`. */
  readonly form?: FormVersion;
  /** Name of the layout preset to use (`gbt9704`, `compact`); the render options may override it. */
  readonly layout?: LayoutPresetName;
  /** Paragraphs before the first numbered section. */
  readonly intro?: readonly Paragraph[];
  /** The numbered sections. */
  readonly sections: readonly Section[];
  /** Attachments (附件), each on new pages. */
  readonly attachments?: readonly Attachment[];
  /** The signature block (落款); defaults to the issuer and date when a date is given; `false` omits it. */
  readonly signature?: false | { readonly issuer?: string; readonly date?: string };
  /** Draft marks: a watermark across every page and a date line at the end of the body. */
  readonly draft?: { readonly watermark?: string; readonly dateLine?: string };
}

/**
 * Builds the zod schema of a report for the given limits. The schema is the only place where
 * untrusted input is checked; everything after it works on the {@link Report} type.
 *
 * @param limits Size limits (defaults: {@link DEFAULT_LIMITS}).
 * @returns The report schema.
 */
export function createReportSchema(limits: InputLimits = DEFAULT_LIMITS) {
  const content = createContentSchemas(limits);
  const titleLine = requiredText('title', 200);
  const date = z
    .string()
    .regex(ISO_DATE)
    .refine(isCalendarDate, withMessage({ code: 'invalid_date', zh: '不存在的日期（如 2 月 30 日）', en: 'no such day in the calendar (e.g. 30 February)', expected: 'a real date, YYYY-MM-DD' }))
    .meta({ pattern: CALENDAR_DATE.source });
  const meta = named('ReportMeta', strictObject({
    title: z.union([titleLine, z.array(titleLine).min(1).max(6)]),
    issuer: requiredText('issuer', 200),
    year: z.int().min(1990).max(2200),
    date: date.optional(),
    subject: requiredText('subject', 500).optional(),
    keywords: z.array(requiredText('keyword', 100)).max(50).optional(),
  }));
  return named('Report', strictObject({
    $schema: z.string().optional(),
    meta,
    form: z.enum(FORM_VERSIONS).optional(),
    layout: z.enum(LAYOUT_PRESET_NAMES).optional(),
    intro: z.array(content.paragraph).max(limits.maxBlocks, limitCheck('maxBlocks', limits.maxBlocks)).optional(),
    sections: z.array(content.section).max(limits.maxSections, limitCheck('maxSections', limits.maxSections)),
    attachments: z.array(content.attachment).max(limits.maxAttachments, limitCheck('maxAttachments', limits.maxAttachments)).optional(),
    signature: z
      .union([z.literal(false), strictObject({ issuer: requiredText('issuer', 200).optional(), date: date.optional() })], withMessage({ zh: '应为 false（不加落款）或 { issuer, date } 对象', en: 'expected false (no signature) or an object { issuer, date }', expected: 'false or { issuer?, date? }' }))
      .optional(),
    draft: strictObject({
      watermark: requiredText('watermark', 40).optional(),
      dateLine: requiredText('date', 200).optional(),
    }).optional(),
  }).superRefine((report, ctx) => {
    // The work budget: totals over the whole report, once every part is known to be well formed.
    for (const breach of measureWork(report, limits).breaches) {
      ctx.addIssue({ code: 'custom', path: [...breach.path], params: { rule: 'limit', total: true, limit: breach.limit, max: breach.max, actual: breach.actual } });
    }
  }));
}

/** The report schema with the default limits. */
export const reportSchema = createReportSchema();

/**
 * What a caller may pass as a report (before validation): the schema's input type in full, so a
 * misspelt key or a value of the wrong type fails to compile. The same as {@link Report}, plus the
 * shorthands the schema normalises (a table given inline as `{ corner, columns, rows }`).
 */
export type ReportInput = z.input<typeof reportSchema>;
