/**
 * Child process of images.test.ts: renders one report per hostile image (issue 10) and prints, as
 * one JSON line, what each render ended with, how long it took and the process's peak RSS — in a
 * fresh process, so that the RSS is that of these renders only.
 */
import { renderReport, GovReportError } from '../../src/index.ts';
import { HOSTILE_IMAGES } from '../fuzz/imageSamples.ts';

// One refused call first: loading the renderer's modules (pdfmake, the schemas) is a one-time cost
// of the process, not of an image; it is reported separately.
const warmStarted = performance.now();
await renderReport({}).catch(() => undefined);
const warmUpMs = performance.now() - warmStarted;
const results = [];
for (const sample of HOSTILE_IMAGES) {
  const data = sample.bytes();
  const started = performance.now();
  const outcome = await renderReport({ meta: { title: '图片', issuer: '某局', year: 2020 }, sections: [{ heading: '一', content: [{ image: { data } }] }] }).then(
    () => ({ code: 'rendered' }),
    (error: unknown) => (error instanceof GovReportError ? { code: error.code, rule: error.issues[0]?.code, path: error.issues[0]?.pathText } : { code: `unnamed: ${String(error)}` }),
  );
  results.push({ name: sample.name, expected: sample.rule, ms: performance.now() - started, ...outcome });
}
console.log(JSON.stringify({ warmUpMs, results, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
