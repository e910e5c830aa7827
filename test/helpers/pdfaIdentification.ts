/**
 * The PDF/A identification a PDF declares in its XMP metadata (`pdfaid:part` and
 * `pdfaid:conformance`), read from the raw bytes: the library writes the XMP packet as an
 * unfiltered stream (test/render/pdfa.test.ts checks the whole structure; this is for the tests
 * of every other way to ask for a render: batch, pool, HTTP service, queue).
 *
 * @param pdf The PDF bytes.
 * @returns `2B`, `2U` …, or undefined when the PDF declares no PDF/A part.
 */
export function pdfaIdentification(pdf: Uint8Array): string | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const match = /<pdfaid:part>(\d)<\/pdfaid:part>\s*<pdfaid:conformance>([ABU])<\/pdfaid:conformance>/u.exec(text);
  if (match === null) return undefined;
  // A declaration without the output intent PDF/A requires would be a half-done file.
  if (!/\/OutputIntents\b/u.test(text)) throw new Error('PDF/A identification without an output intent');
  return `${match[1]}${match[2]}`;
}
