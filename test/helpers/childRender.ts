/**
 * A script run in a child process by the helper tests (not a test itself):
 *
 *     node <tsx cli> test/helpers/childRender.ts <mode> <in.pdf> <out.json>
 *
 * `helper` renders with {@link renderPdfToPngs} (to show the result does not depend on the cwd);
 * `raw-no-polyfill` calls pdf-to-png-converter directly without the Node 20 polyfill (to obtain a
 * real blank render). Writes `{ nativeTransferToFixedLength, pngs: base64[] }` to `<out.json>`
 * (not stdout: pdfjs logs there).
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [mode, input, output] = process.argv.slice(2);
if ((mode !== 'helper' && mode !== 'raw-no-polyfill') || input === undefined || output === undefined) {
  console.error('usage: childRender.ts helper|raw-no-polyfill <in.pdf> <out.json>');
  process.exit(2);
}
const nativeTransferToFixedLength = typeof (ArrayBuffer.prototype as { transferToFixedLength?: unknown }).transferToFixedLength === 'function';
const pdf = readFileSync(input);
let pngs: Buffer[];
if (mode === 'helper') {
  const { renderPdfToPngs } = await import('./pdfToPng.ts');
  pngs = (await renderPdfToPngs(pdf)).map((page) => page.png);
} else {
  const { pdfToPng } = await import('pdf-to-png-converter');
  const { RENDER_SCALE } = await import('../visual/thresholds.ts');
  pngs = (await pdfToPng(pdf, { viewportScale: RENDER_SCALE })).map((page) => page.content ?? Buffer.alloc(0));
}
writeFileSync(output, JSON.stringify({ nativeTransferToFixedLength, pngs: pngs.map((png) => png.toString('base64')) }));
