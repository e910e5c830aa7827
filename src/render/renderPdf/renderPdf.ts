import { FontError, PlanMismatchError, RenderFailedError } from '../../errors/errors.ts';
import type { LayoutPlan } from '../../layout/plan/plan.ts';
import type { FontRegistry } from '../fonts/fontRegistry.ts';
import { createPdfmakeInstance, type PdfmakeInstance } from '../fonts/pdfmakeRuntime.ts';
import { toDocDefinition, type PdfaLevel } from '../toDocDefinition/toDocDefinition.ts';

/**
 * Paints a layout plan into PDF bytes with pdfmake, then checks that the PDF has exactly the
 * pages the plan predicted. pdfmake errors never reach the caller raw: they become a
 * {@link RenderFailedError}, except a {@link FontError} from reading a font file's outlines.
 *
 * @param plan The finished plan.
 * @param fonts The renderer's fonts.
 * @param creationDate The PDF's creation date.
 * @param instance The renderer's own pdfmake instance.
 * @param options `pdfa`: write PDF/A-2b or PDF/A-2u.
 * @returns The PDF bytes.
 */
export async function renderPdf(
  plan: LayoutPlan,
  fonts: FontRegistry,
  creationDate: Date,
  instance: PdfmakeInstance = createPdfmakeInstance(),
  options: { readonly pdfa?: PdfaLevel } = {},
): Promise<Uint8Array> {
  const definition = toDocDefinition(plan, fonts, creationDate, options.pdfa === undefined ? {} : { pdfa: options.pdfa });
  let bytes: Buffer;
  try {
    // Set the fonts right before createPdf, which reads them synchronously: pdfmake writes
    // into the dictionary it is given, so each render gets a fresh one.
    instance.setFonts(fonts.fontDictionary());
    bytes = await instance.createPdf(definition).getBuffer();
  } catch (cause) {
    // A font file that can no longer be read (glyphPager) is the caller's to fix, not a bug.
    if (cause instanceof FontError) throw cause;
    throw new RenderFailedError(cause);
  }
  if (options.pdfa === '2u') bytes = markConformanceU(bytes);
  const pages = countPages(bytes);
  if (pages !== plan.pages.length) throw new PlanMismatchError(plan.pages.length, pages);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Counts the page objects of a PDF written by pdfkit (which writes no object streams).
 *
 * @param pdf The PDF bytes.
 * @returns The number of pages.
 */
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return text.match(/\/Type \/Page\b(?!s)/gu)?.length ?? 0;
}

const CONFORMANCE_B = Buffer.from('<pdfaid:conformance>B</pdfaid:conformance>', 'latin1');

/**
 * Turns pdfkit's PDF/A-2b identification into PDF/A-2u. Level U adds one requirement to B: every
 * glyph maps to Unicode, which pdfkit's embedded fonts already satisfy (each has a ToUnicode CMap
 * built from the text drawn). The XMP stream is written uncompressed and the letters have the
 * same length, so no offset moves.
 */
function markConformanceU(pdf: Buffer): Buffer {
  const at = pdf.indexOf(CONFORMANCE_B);
  if (at < 0 || pdf.indexOf(CONFORMANCE_B, at + 1) >= 0) throw new RenderFailedError(new Error('PDF/A identification not found exactly once in the XMP packet'));
  const copy = Buffer.from(pdf);
  copy.write('U', at + CONFORMANCE_B.indexOf('B'), 'latin1');
  return copy;
}
