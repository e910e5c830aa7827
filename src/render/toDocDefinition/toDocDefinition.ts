import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { FaceKey, TextMeasurer } from '../../text/measure/measure.ts';
import type { LayoutPlan, PlacedItem, PlannedPage } from '../../layout/plan/plan.ts';
import { mergeEvenRuns } from './mergeEvenRuns.ts';
import { PLACED_TEXT } from './placedText.ts';

/** What the document definition needs to know about fonts. */
export interface DocDefinitionFonts {
  /** pdfmake family name of a face. */
  familyName(face: FaceKey): string;
  /** The metrics the plan was made with (advance widths, to draw runs of characters as one text). */
  readonly measurer: TextMeasurer;
}

/** Archival conformance levels the renderer can write: PDF/A-2 level B (visual), or level U (B + every glyph maps to Unicode). */
export type PdfaLevel = '2b' | '2u';

/** Options of {@link toDocDefinition}. */
export interface DocDefinitionOptions {
  /** Write PDF/A-2 (PDF 1.7, XMP metadata with the PDF/A identification, an sRGB output intent). */
  readonly pdfa?: PdfaLevel;
}

/**
 * Turns a finished layout plan into a pdfmake document definition. Every item is placed at an
 * absolute position and text never wraps (`noWrap`), so pdfmake only paints: the pages are
 * exactly the plan's pages. Pure: no I/O, no pdfmake import.
 *
 * @param plan The layout plan.
 * @param fonts Font family names.
 * @param creationDate The PDF's creation date (fixed for byte-identical output).
 * @param options Archival output.
 * @returns The document definition.
 */
export function toDocDefinition(plan: LayoutPlan, fonts: DocDefinitionFonts, creationDate: Date, options: DocDefinitionOptions = {}): TDocumentDefinitions {
  const images: Record<string, string> = {};
  const first = plan.pages[0];
  const portrait = first === undefined ? { width: 595.28, height: 841.89 } : first.landscape ? { width: first.height, height: first.width } : { width: first.width, height: first.height };
  const content: Content[] = plan.pages.map((page, index) => ({
    stack: pageContent(page, fonts, images),
    ...(index > 0 ? { pageBreak: 'before' as const } : {}),
    pageOrientation: page.landscape ? ('landscape' as const) : ('portrait' as const),
  }));
  const archival = options.pdfa !== undefined;
  // pdfkit copies the document information into the XMP packet without escaping it: in archival
  // output the XML-special characters become their full-width forms in both places, so the packet
  // stays well-formed and equal to the Info dictionary (PDF/A requires both).
  const text = (value: string) => (archival ? xmpSafe(value) : value);
  const info = { ...plan.info, title: text(plan.info.title), author: text(plan.info.author), ...(plan.info.subject === undefined ? {} : { subject: text(plan.info.subject) }), ...(plan.info.keywords === undefined ? {} : { keywords: text(plan.info.keywords) }) };
  return {
    // pdfkit writes the XMP packet only above PDF 1.3; PDF/A-2 is based on PDF 1.7. pdfkit knows
    // PDF/A-2a/b only: level U is the same file with its identification changed (renderPdf).
    ...(archival ? { version: '1.7', subset: 'PDF/A-2b' } : {}),
    pageSize: portrait,
    pageOrientation: first?.landscape === true ? 'landscape' : 'portrait',
    pageMargins: 0,
    content,
    images,
    language: 'zh-CN',
    defaultStyle: { font: fonts.familyName('body'), fontSize: 12, lineHeight: 1 },
    info: {
      title: info.title,
      author: info.author,
      ...(info.subject === undefined ? {} : { subject: info.subject }),
      ...(info.keywords === undefined ? {} : { keywords: info.keywords }),
      creator: 'gov-report-pdf',
      producer: 'gov-report-pdf (pdfmake)',
      creationDate,
    },
    ...(info.watermark === undefined
      ? {}
      : { watermark: { text: info.watermark, font: fonts.familyName('heading'), color: '#999999', opacity: 0.2, bold: false, italics: false } }),
  } as TDocumentDefinitions;
}

function pageContent(page: PlannedPage, fonts: DocDefinitionFonts, images: Record<string, string>): Content[] {
  const nodes: Content[] = [];
  const lines: { type: 'line'; x1: number; y1: number; x2: number; y2: number; lineWidth: number }[] = [];
  for (const item of mergeEvenRuns(page.items, fonts.measurer)) {
    if (item.kind === 'rule') lines.push({ type: 'line', x1: item.x1, y1: item.y1, x2: item.x2, y2: item.y2, lineWidth: item.width });
    else nodes.push(toNode(item, fonts, images));
  }
  // One canvas per page holds every table rule, at page coordinates.
  if (lines.length > 0) nodes.unshift({ canvas: lines, absolutePosition: { x: 0, y: 0 } } as Content);
  // An empty page still needs one node for pdfmake to create it.
  if (nodes.length === 0) nodes.push({ text: '', absolutePosition: { x: 0, y: 0 } } as Content);
  return nodes;
}

function toNode(item: Exclude<PlacedItem, { kind: 'rule' }>, fonts: DocDefinitionFonts, images: Record<string, string>): Content {
  if (item.kind === 'image') {
    const key = `image${Object.keys(images).length + 1}`;
    const png = item.data[0] === 0x89;
    images[key] = `data:image/${png ? 'png' : 'jpeg'};base64,${Buffer.from(item.data).toString('base64')}`;
    return { image: key, width: item.width, height: item.height, absolutePosition: { x: item.x, y: item.y } } as Content;
  }
  const node: Record<string, unknown> = {
    text: item.text,
    font: fonts.familyName(item.face),
    fontSize: item.size,
    characterSpacing: item.characterSpacing,
    lineHeight: 1,
    noWrap: true,
    absolutePosition: { x: item.x, y: item.y },
    [PLACED_TEXT]: true,
  };
  if (item.outline !== undefined) {
    node.outline = true;
    node.outlineText = item.outline.title;
    node.id = item.outline.id;
    if (item.outline.parentId !== undefined) node.outlineParentId = item.outline.parentId;
  }
  return node as unknown as Content;
}

/** Replaces what pdfkit would write unescaped into XML (& < > and control characters) by full-width forms or nothing. */
function xmpSafe(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[&<>]/gu, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).replace(/[\u0000-\u001f\u007f]/gu, '');
}
