// Child of render.test.ts: loads pdfkit before gov-report-pdf (as another library in the same
// process might), then renders and prints whether the font cache took effect and the PDF's hash.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require(createRequire(require.resolve('pdfmake')).resolve('pdfkit'));
const { renderReport } = await import('../../src/index.ts');
const { loadRuntime } = await import('../../src/render/fonts/pdfmakeRuntime.ts');
const { reportWith } = await import('./fixtures.ts');
const { pdf } = await renderReport(reportWith([process.argv[2]!]), { creationDate: new Date('2021-01-15T00:00:00Z') });
console.log(JSON.stringify({ cacheInstalled: loadRuntime().cacheInstalled, sha256: createHash('sha256').update(pdf).digest('hex') }));
