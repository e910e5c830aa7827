// Child of render.test.ts: plans a report in a fresh process (what `gov-report-pdf check` does) and
// prints which of pdfmake, pdfkit and fontkit that loaded, then renders and prints them again.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pdfmakePath = require.resolve('pdfmake');
const pdfkitPath = createRequire(pdfmakePath).resolve('pdfkit');
const fontkitPath = createRequire(pdfkitPath).resolve('fontkit');
const loaded = () => ({ pdfmake: pdfmakePath in require.cache, pdfkit: pdfkitPath in require.cache, fontkit: fontkitPath in require.cache });
const { createRenderer } = await import('../../src/index.ts');
const { loadRuntime } = await import('../../src/render/fonts/pdfmakeRuntime.ts');
const { reportWith } = await import('./fixtures.ts');
const renderer = createRenderer();
const { plan } = await renderer.plan(reportWith([process.argv[2]!]));
const afterPlan = loaded();
const { pageCount } = await renderer.render(reportWith([process.argv[2]!]));
console.log(JSON.stringify({ afterPlan, afterRender: loaded(), cacheInstalled: loadRuntime().cacheInstalled, planned: plan.pages.length, rendered: pageCount }));
