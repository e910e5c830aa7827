/**
 * Walks a report's JSON (as written in `examples/*.json`, before validation) and lists the text
 * the rendered PDF must contain, in document order: title lines, headings, paragraphs, table
 * captions, band titles, corner cells, column and row labels, each leaf row as its label with
 * its values, notes, form-table numbers, attachment labels and titles.
 *
 * The walker reads the JSON shapes of `src/schema` (single-band or banded tables, `{ lead, text }`
 * paragraphs, nested sections, `{ form, data }` blocks) without importing the schema, so it also
 * works on input the schema would normalise.
 *
 * @module
 */
import { compactText } from './extractPdfText.ts';

/** What an expected string is. */
export type ExpectedKind =
  | 'heading'
  | 'paragraph'
  | 'caption'
  | 'band-title'
  | 'corner'
  | 'column'
  | 'row-label'
  | 'row'
  | 'note'
  | 'number'
  | 'attachment-label'
  | 'attachment-title';

/** One string the PDF must contain. */
export interface ExpectedText {
  /** What it is. */
  readonly kind: ExpectedKind;
  /** The text, {@link compactText}-ed. */
  readonly text: string;
  /** Where it comes from in the report JSON (`sections[1].content[0].heading`). */
  readonly path: string;
  /** For a `row`: its label and its values, each compacted (`text` is the two joined). */
  readonly row?: { readonly label: string; readonly values: string };
}

/** The report split into the parts that start on their own pages. */
export interface ExpectedReport {
  /** The title lines (`meta.title`), compacted. */
  readonly titleLines: readonly string[];
  /** Everything before the first attachment: intro, sections. */
  readonly body: readonly ExpectedText[];
  /** One entry per attachment: its label (compacted) and its expected text, starting with the label. */
  readonly attachments: readonly { readonly label: string; readonly items: readonly ExpectedText[] }[];
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: Json): readonly Json[] {
  return Array.isArray(value) ? value : [];
}

/** Formats a cell value the way a number is printed: `203`, `-3`, `1.5`. */
function cellText(value: Json): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return '';
}

class Collector {
  readonly items: ExpectedText[] = [];

  add(kind: ExpectedKind, text: string, path: string): void {
    const compact = compactText(text);
    if (compact !== '') this.items.push({ kind, text: compact, path });
  }

  addRow(label: string, values: readonly Json[], path: string): void {
    const row = { label: compactText(label), values: compactText(values.map(cellText).join('')) };
    if (row.label !== '' || row.values !== '') this.items.push({ kind: 'row', text: row.label + row.values, path, row });
  }

  paragraph(value: Json, path: string): void {
    if (typeof value === 'string') this.add('paragraph', value, path);
    else if (isObject(value) && typeof value.text === 'string') {
      this.add('paragraph', `${typeof value.lead === 'string' ? value.lead : ''}${value.text}`, path);
    }
  }

  blocks(blocks: Json, path: string): void {
    asArray(blocks).forEach((block, index) => this.block(block, `${path}[${index}]`));
  }

  block(block: Json, path: string): void {
    if (typeof block === 'string' || (isObject(block) && typeof block.text === 'string')) return this.paragraph(block, path);
    if (!isObject(block)) return;
    if (typeof block.heading === 'string') return this.section(block, path);
    if (isObject(block.table)) return this.table(block.table, `${path}.table`);
    if (isObject(block.image)) {
      if (typeof block.image.caption === 'string') this.add('caption', block.image.caption, `${path}.image.caption`);
      return;
    }
    if (typeof block.form === 'string') return this.form(block, path);
  }

  section(section: Record<string, Json>, path: string): void {
    const number = typeof section.number === 'string' ? section.number : '';
    this.add('heading', `${number}${String(section.heading)}`, `${path}.heading`);
    this.blocks(section.content, `${path}.content`);
  }

  table(table: Record<string, Json>, path: string): void {
    if (typeof table.caption === 'string') this.add('caption', table.caption, `${path}.caption`);
    const bands = Array.isArray(table.bands) ? table.bands : [table];
    const bandPath = (index: number) => (Array.isArray(table.bands) ? `${path}.bands[${index}]` : path);
    bands.forEach((band, index) => {
      if (!isObject(band)) return;
      const here = bandPath(index);
      if (typeof band.title === 'string') this.add('band-title', band.title, `${here}.title`);
      if (typeof band.corner === 'string') this.add('corner', band.corner, `${here}.corner`);
      this.columns(band.columns, `${here}.columns`);
      this.rows(band.rows, `${here}.rows`);
    });
    asArray(table.notes).forEach((note, index) => {
      if (typeof note === 'string') this.add('note', note, `${path}.notes[${index}]`);
    });
  }

  columns(columns: Json, path: string): void {
    asArray(columns).forEach((node, index) => {
      const here = `${path}[${index}]`;
      if (typeof node === 'string') return this.add('column', node, here);
      if (!isObject(node)) return;
      if (typeof node.label === 'string') this.add('column', node.label, `${here}.label`);
      this.columns(node.children, `${here}.children`);
    });
  }

  rows(rows: Json, path: string): void {
    asArray(rows).forEach((row, index) => {
      const here = `${path}[${index}]`;
      if (!isObject(row)) return;
      const label = typeof row.label === 'string' ? row.label : '';
      if (Array.isArray(row.values)) {
        this.addRow(label, row.values, here);
      } else {
        this.add('row-label', label, `${here}.label`);
        this.rows(row.children, `${here}.children`);
      }
    });
  }

  form(block: Record<string, Json>, path: string): void {
    if (typeof block.caption === 'string') this.add('caption', block.caption, `${path}.caption`);
    const visit = (value: Json, here: string): void => {
      if (typeof value === 'number') this.add('number', String(value), here);
      else if (typeof value === 'string' && /^[-+]?\d[\d,.]*$/u.test(value)) this.add('number', value, here);
      else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${here}[${i}]`));
      else if (isObject(value)) for (const [key, v] of Object.entries(value)) visit(v, `${here}.${key}`);
    };
    visit(block.data, `${path}.data`);
    asArray(block.notes).forEach((note, index) => {
      if (typeof note === 'string') this.add('note', note, `${path}.notes[${index}]`);
    });
  }
}

/**
 * Tells whether a report JSON holds official-form blocks (`{ form: 'table3', data }`), whose labels
 * come from the library's templates rather than from the JSON.
 *
 * @param report The report JSON.
 * @returns `true` when some block anywhere has `form` and `data`.
 */
export function hasFormBlocks(report: Json): boolean {
  if (Array.isArray(report)) return report.some(hasFormBlocks);
  if (!isObject(report)) return false;
  if (typeof report.form === 'string' && isObject(report.data)) return true;
  return Object.values(report).some(hasFormBlocks);
}

/**
 * Lists the text a rendered report must contain, per part, in document order.
 *
 * @param report The report JSON.
 * @returns Title lines, body items, and each attachment's items.
 */
export function collectExpectedText(report: Json): ExpectedReport {
  if (!isObject(report) || !isObject(report.meta)) throw new Error('collectExpectedText: the report has no `meta` object');
  const title = report.meta.title;
  const titleLines = (Array.isArray(title) ? title : [title]).filter((t): t is string => typeof t === 'string').map(compactText);
  const body = new Collector();
  asArray(report.intro).forEach((p, index) => body.paragraph(p, `intro[${index}]`));
  asArray(report.sections).forEach((section, index) => {
    if (isObject(section)) body.section(section, `sections[${index}]`);
  });
  const attachments = asArray(report.attachments).flatMap((attachment, index) => {
    if (!isObject(attachment) || typeof attachment.label !== 'string') return [];
    const part = new Collector();
    const path = `attachments[${index}]`;
    part.add('attachment-label', attachment.label, `${path}.label`);
    if (typeof attachment.title === 'string') part.add('attachment-title', attachment.title, `${path}.title`);
    part.blocks(attachment.content, `${path}.content`);
    return [{ label: compactText(attachment.label), items: part.items }];
  });
  return { titleLines, body: body.items, attachments };
}
