/**
 * A hand-written one-page PDF that uses the non-embedded standard font Helvetica, so pdfjs must
 * load its standard-font data from pdfjs-dist: the test that the converter's asset paths do not
 * depend on the working directory.
 *
 * @module
 */

/**
 * Builds a one-page A4 PDF showing `text` (ASCII) in 36 pt Helvetica.
 *
 * @param text ASCII text without parentheses or backslashes.
 * @returns The PDF bytes.
 */
export function makeStandardFontPdf(text: string): Uint8Array {
  if (!/^[\x20-\x7e]*$/u.test(text) || /[()\\]/u.test(text)) throw new Error('makeStandardFontPdf: plain ASCII text only');
  const stream = `BT /F1 36 Tf 72 700 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
