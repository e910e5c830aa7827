import * as z from 'zod';
import type { InputLimits } from '../limits/limits.ts';
import { strictObject } from '../strictObject/strictObject.ts';
import { createTableSchema, type TableInput, type TableSpec } from '../table/table.ts';
import { createFormBlockSchema, type FormBlock, type FormBlockInput } from '../forms/forms.ts';
import { requiredText } from './text.ts';
import { named } from '../jsonSchema/named.ts';
import { limitCheck, withMessage } from '../messages/messages.ts';
import { nearestKey } from '../toReportIssues/nearestKey.ts';

/**
 * A paragraph of body text. A string is plain text; `{ lead, text }` opens with a lead phrase
 * set in a heavier face (`一是加强领导，切实做好政务公开工作。`).
 */
export type Paragraph = string | { readonly lead?: string; readonly text: string };

/**
 * An image given as data: base64 text in JSON (optionally a `data:` URL), raw bytes through the
 * API. `src` (a file path or URL) is accepted only when the render options allow that source.
 */
export interface ImageSpec {
  /** PNG or JPEG bytes, or their base64 text. */
  readonly data?: string | Uint8Array;
  /** A file path or URL; used only where the caller's options allow it. */
  readonly src?: string;
  /** Printed width in millimetres (default: the natural width, at most the text block). */
  readonly width?: number;
  /** Caption printed under the image. */
  readonly caption?: string;
}

/** A numbered section: its heading and its content, which may hold subsections. */
export interface Section {
  /** Heading text without its number (`总体情况`); the number is produced from the nesting. */
  readonly heading: string;
  /** Print this number instead (`二、`), or `null` for no number; left out, it is produced. */
  readonly number?: string | null;
  /** Paragraphs, tables, images and subsections, in order. */
  readonly content?: readonly Block[];
}

/** One block of content. */
export type Block = Paragraph | Section | { readonly table: TableSpec } | { readonly image: ImageSpec } | FormBlock;

/** A section as a caller may write it (tables may use the one-band shorthand). */
export interface SectionInput {
  /** Heading text without its number (`总体情况`); the number is produced from the nesting. */
  readonly heading: string;
  /** Print this number instead (`二、`), or `null` for no number; left out, it is produced. */
  readonly number?: string | null | undefined;
  /** Paragraphs, tables, images, official-form tables and subsections, in order. */
  readonly content?: readonly BlockInput[] | undefined;
}

/** One block of content as a caller may write it. */
export type BlockInput = Paragraph | SectionInput | { readonly table: TableInput } | { readonly image: ImageSpec } | FormBlockInput;

/** An attachment (附件): starts on a new page with its label at top left and its title. */
export interface Attachment {
  /** The label as printed, e.g. `附件2`. */
  readonly label: string;
  /** The attachment's title, centred under the label. */
  readonly title?: string;
  /** Page orientation of the attachment's pages. */
  readonly orientation?: 'portrait' | 'landscape';
  /** Its content. */
  readonly content: readonly Block[];
}

/**
 * Builds the schemas of paragraphs, blocks, sections and attachments for the given limits.
 * Section nesting is built level by level up to `maxSectionDepth`, so deep input fails with a
 * clear message instead of recursing without bound.
 *
 * @param limits Size limits.
 * @returns The schemas.
 */
export function createContentSchemas(limits: InputLimits) {
  const paragraphText = requiredText('paragraph', limits.maxParagraphLength, 'maxParagraphLength');
  const paragraph = named('Paragraph', z.union([
    paragraphText,
    strictObject({ lead: requiredText('lead', limits.maxParagraphLength, 'maxParagraphLength').optional(), text: paragraphText }),
  ]));
  const imageData = z.union([
    z.string().max(Math.ceil((limits.maxImageBytes * 4) / 3) + 64, limitCheck('maxImageBytes', Math.ceil((limits.maxImageBytes * 4) / 3) + 64)),
    z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= limits.maxImageBytes, { params: { rule: 'limit', limit: 'maxImageBytes', max: limits.maxImageBytes } }),
  ], withMessage({ zh: '图片数据应为 base64 文本（通过 API 也可传入字节）', en: 'image data must be base64 text (or bytes through the API)', expected: 'base64 text' }));
  const image = named('Image', strictObject({
    data: imageData.optional(),
    src: z.string().min(1).max(4096).optional(),
    width: z.number().positive().max(1000).optional(),
    caption: requiredText('caption', limits.maxParagraphLength, 'maxParagraphLength').optional(),
  })
    .refine((img) => (img.data === undefined) !== (img.src === undefined), { params: { rule: 'image_source' } })
    .meta({ oneOf: [{ type: 'object', required: ['data'] }, { type: 'object', required: ['src'] }] }));
  const leafBlocks = [
    paragraph,
    named('TableBlock', strictObject({ table: createTableSchema(limits) })),
    named('ImageBlock', strictObject({ image })),
    createFormBlockSchema(limits),
  ] as const;

  const sectionAt = (level: number): z.ZodType<Section, SectionInput> => {
    const blocks =
      level >= limits.maxSectionDepth
        ? z.union([...leafBlocks, tooDeep(limits)])
        : z.union([...leafBlocks, sectionAt(level + 1)]);
    return named(level === 1 ? 'Section' : `SectionLevel${level}`, strictObject({
      heading: requiredText('heading', limits.maxParagraphLength, 'maxParagraphLength'),
      number: z.union([z.string().max(20), z.null()]).optional(),
      content: z.array(blocks).max(limits.maxBlocks, limitCheck('maxBlocks', limits.maxBlocks)).optional(),
    })) as unknown as z.ZodType<Section, SectionInput>;
  };
  const section = sectionAt(1);
  const topBlock = z.union([...leafBlocks, section]);
  const blocks = z.array(topBlock).max(limits.maxBlocks, limitCheck('maxBlocks', limits.maxBlocks));
  const attachment = named('Attachment', strictObject({
    label: requiredText('label', 40),
    title: requiredText('title', limits.maxParagraphLength, 'maxParagraphLength').optional(),
    orientation: z.enum(['portrait', 'landscape']).optional(),
    content: blocks,
  }));
  return { paragraph, section, blocks, attachment };
}

/** A subsection below the deepest allowed level: always fails, naming the limit (or, for anything else, what a block may be). */
function tooDeep(limits: InputLimits) {
  return z.custom<never>(() => false, {
    error: (issue) => {
      const input = issue.input;
      // A section one level too deep, even with a misspelt `heading`, gets the limit's name.
      const section = typeof input === 'object' && input !== null && Object.keys(input).some((key) => key === 'heading' || nearestKey(key, ['heading']) !== undefined);
      return withMessage(
        section
          ? { code: 'limit', zh: `超出限制 maxSectionDepth：章节最多 ${limits.maxSectionDepth} 层`, en: `exceeds the limit maxSectionDepth: at most ${limits.maxSectionDepth} levels of sections`, expected: 'a paragraph, table, image or form block' }
          : { code: 'invalid_block', zh: '不是有效的内容块（段落、表格、图片或统计表）', en: 'not a paragraph, table, image or form block', expected: 'a paragraph, table, image or form block' },
      ).error();
    },
  });
}
