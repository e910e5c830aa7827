import type { Attachment, ImageSpec, Paragraph, Section } from '../../schema/content/content.ts';
import type { FormBlock } from '../../schema/forms/forms.ts';
import type { Report } from '../../schema/report/report.ts';
import type { TableSpec } from '../../schema/table/table.ts';

/**
 * For a table made from an official form: the input key path (under the form block's `data`,
 * e.g. `['total', 'naturalPerson']`) of every printed value, by band, then body row (top to
 * bottom), then value (left to right).
 */
export type FormValueKeys = readonly (readonly (readonly (readonly string[])[])[])[];

/**
 * Where a table of a resolved report came from, which decides the paths of messages about it:
 * - `bands`: written as header trees with `bands` (cells under `table.bands[i]`);
 * - `inline`: written in the one-band shorthand (`corner`, `columns`, `rows`: no `bands[0]`);
 * - `form`: made from an official form block (labels are ours; values live under `data`, at `valueKeys`).
 */
export type TableSource =
  | { readonly kind: 'bands' }
  | { readonly kind: 'inline' }
  | { readonly kind: 'form'; readonly form: FormBlock['form']; readonly valueKeys: FormValueKeys };

/** A table block of a resolved report: the table to print and where it came from. */
export interface ResolvedTableBlock {
  /** The generic table (canonical labels for a form). */
  readonly table: TableSpec;
  /** Where it came from. */
  readonly source: TableSource;
}

/** A block after `resolveForms`: no form blocks remain; every table says where it came from. */
export type ResolvedBlock = Paragraph | ResolvedSection | ResolvedTableBlock | { readonly image: ImageSpec };

/** A section after `resolveForms`. */
export interface ResolvedSection extends Omit<Section, 'content'> {
  /** Paragraphs, tables, images and subsections, in order. */
  readonly content?: readonly ResolvedBlock[];
}

/** An attachment after `resolveForms`. */
export interface ResolvedAttachment extends Omit<Attachment, 'content'> {
  /** Its content. */
  readonly content: readonly ResolvedBlock[];
}

/**
 * A report after `resolveForms`, what the layout takes: every form block has become a table with
 * its {@link TableSource}. Plain data (a `structuredClone` of it lays out the same). Not a `Report`.
 */
export interface ResolvedReport extends Omit<Report, 'sections' | 'attachments'> {
  /** The numbered sections. */
  readonly sections: readonly ResolvedSection[];
  /** Attachments (附件). */
  readonly attachments?: readonly ResolvedAttachment[];
}
