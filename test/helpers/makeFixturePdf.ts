/**
 * Builds small PDFs with pdfmake directly, so the test helpers can be tested without the library's
 * renderer. Uses the full Noto Sans SC TTF from node_modules, served through pdfmake's virtual file
 * system under a family name no other code uses (pdfmake's fonts are a process-wide singleton).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/** Options of {@link makeFixturePdf}. */
export interface FixturePdfOptions {
  /** Body font size in pt (default 16). */
  readonly fontSize?: number;
  /** The PDF's creation date (default 2021-01-15T00:00:00Z, for byte-stable output). */
  readonly creationDate?: Date;
  /** A table of strings drawn under the text of the last page (first row is the header). */
  readonly table?: readonly (readonly string[])[];
  /** pdfmake nodes appended to the last page (absolutely positioned glyphs, canvas rules…). */
  readonly extra?: readonly Content[];
}

const FAMILY = 'GovReportPdfTestFixtureSans';
const VFS_NAME = 'gov-report-pdf-test-fixture/NotoSansSC-Regular.ttf';

interface PdfmakeServer {
  virtualfs: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean };
  urlAccessPolicy?: unknown;
  localAccessPolicy?: unknown;
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(dd: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

const server = pdfmake as unknown as PdfmakeServer;

function registerFixtureFont(): void {
  if (server.virtualfs.existsSync(VFS_NAME)) return;
  const require = createRequire(import.meta.url);
  const fontPath = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  server.virtualfs.writeFileSync(VFS_NAME, readFileSync(fontPath));
  server.addFonts({ [FAMILY]: { normal: VFS_NAME, bold: VFS_NAME, italics: VFS_NAME, bolditalics: VFS_NAME } });
  // Deny file and URL access unless whoever else uses the singleton has chosen a policy already.
  if (server.urlAccessPolicy === undefined) server.setUrlAccessPolicy(() => false);
  if (server.localAccessPolicy === undefined) server.setLocalAccessPolicy(() => false);
}

/**
 * Renders an A4 PDF with one page per entry of `pages`, each page holding the given lines.
 *
 * @param pages The lines of each page (at least one page).
 * @param options Font size, creation date, optional table on the last page.
 * @returns The PDF bytes.
 */
export async function makeFixturePdf(
  pages: readonly (readonly string[])[],
  options: FixturePdfOptions = {},
): Promise<Uint8Array> {
  if (pages.length === 0) throw new Error('makeFixturePdf: `pages` must hold at least one page');
  registerFixtureFont();
  const content: Content[] = pages.map((lines, index) => ({
    stack: lines.map((line) => ({ text: line })),
    ...(index > 0 ? { pageBreak: 'before' as const } : {}),
  }));
  if (options.table !== undefined) {
    content.push({
      margin: [0, 12, 0, 0],
      table: { headerRows: 1, body: options.table.map((row) => row.map((cell) => ({ text: cell }))) },
    });
  }
  if (options.extra !== undefined) content.push(...options.extra);
  const dd: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [79, 105, 74, 99],
    info: { title: 'fixture', creationDate: options.creationDate ?? new Date('2021-01-15T00:00:00Z') },
    defaultStyle: { font: FAMILY, fontSize: options.fontSize ?? 16 },
    content,
  };
  const buffer = await server.createPdf(dd).getBuffer();
  return new Uint8Array(buffer);
}
