/**
 * One attack of issue 10 in a fresh process (run by bench/attacks.mjs through tsx): builds the
 * hostile input, calls the compiled library (dist/) once and prints one JSON line with the error
 * code, the first issue and the time of the call. The parent measures wall time and peak RSS.
 *
 *   node --import tsx bench/attackChild.ts <attack> [base-url] [folder]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTILE_IMAGES } from '../test/fuzz/imageSamples.ts';

type Library = typeof import('../src/index.ts');
const distIndex = new URL('../dist/index.js', import.meta.url).href;
const library = (await import(distIndex)) as Library;

const [attack = '', base = '', folder = ''] = process.argv.slice(2);
const meta = { title: '攻击', issuer: '某局', year: 2020 };
const withContent = (content: unknown[]) => ({ meta, sections: [{ heading: '一', content }] });
const image = (name: string) => withContent([{ image: { data: HOSTILE_IMAGES.find((sample) => sample.name === name)!.bytes() } }]);
const han = (length: number, seed: number) => Array.from({ length }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919 + seed * 131) % 20_000))).join('');
const table = (rows: number, columns: number, cell: (r: number, c: number) => unknown) => ({
  table: { columns: Array.from({ length: columns }, (_, c) => `列${c}`), rows: Array.from({ length: rows }, (_, r) => ({ label: `行${r}`, values: Array.from({ length: columns }, (_, c) => cell(r, c)) })) },
});
const urls = { resources: { allowedUrlPrefixes: [`${base}/ok`] } };

const ATTACKS: Record<string, () => [unknown, object?]> = {
  'png-bad-filter-rgba': () => [image('RGBA PNG with a bad filter byte (the 74-byte crash)')],
  'png-bad-filter-interlaced': () => [image('interlaced RGB PNG with a bad filter byte')],
  'png-2^31-header': () => [image('header claims 2^31 × 2^31')],
  'png-30000²-68-bytes': () => [image('30000 × 30000 RGBA pixel bomb (68 bytes)')],
  'png-30000²-real-bomb': () => [withContent([{ image: { data: new Uint8Array(readFileSync(join(folder, 'bomb.png'))) } }])],
  'jpeg-truncated': () => [image('truncated JPEG (no EOI)')],
  'jpeg-65535²': () => [image('JPEG declaring 65535 × 65535')],
  '16-tables-×-20000-rows': () => [{ meta, sections: [{ heading: '表', content: Array.from({ length: 16 }, () => table(20_000, 1, (r) => r)) }] }],
  '40-cols-×-120-rows-×-500-chars': () => [withContent([table(120, 40, (r, c) => han(500, r * 40 + c))])],
  'url-dot-dot': () => [withContent([{ image: { src: `${base}/ok/../secret.png` } }]), urls],
  'url-%2e%2e': () => [withContent([{ image: { src: `${base}/ok/%2e%2e/x.png` } }]), urls],
  'url-backslash': () => [withContent([{ image: { src: `${base}/ok\\..\\x.png` } }]), urls],
  'url-redirect-out': () => [withContent([{ image: { src: `${base}/ok/redirect` } }]), urls],
  'url-never-answers': () => [withContent([{ image: { src: `${base}/ok/hang` } }]), urls],
  'url-endless-2gb-stream': () => [withContent([{ image: { src: `${base}/ok/endless` } }]), urls],
  'url-claims-2gb': () => [withContent([{ image: { src: `${base}/ok/claims-2gb` } }]), urls],
  'fifo-in-allowed-folder': () => [withContent([{ image: { src: join(folder, 'fifo.png') } }]), { resources: { allowedDirectories: [folder] } }],
};

// Loading the library's modules (pdfmake, the schemas) is a one-time cost of a process, not of the
// attack: one refused call first, timed separately (a service is warm when the attack arrives).
const warmStarted = performance.now();
await library.renderReport({}).catch(() => undefined);
const warmUpMs = Math.round(performance.now() - warmStarted);

const build = ATTACKS[attack];
if (build === undefined) throw new Error(`unknown attack ${attack}; one of ${Object.keys(ATTACKS).join(', ')}`);
const [input, options] = build();
const started = performance.now();
const outcome = await library.renderReport(input, options as Parameters<Library['renderReport']>[1]).then(
  (result) => ({ code: 'rendered', pages: result.pageCount }),
  (error: unknown) => (error instanceof library.GovReportError ? { code: error.code, issue: error.issues[0] === undefined ? error.bilingual.en : `${error.issues[0].pathText}: ${error.issues[0].message.en}` } : { code: `UNNAMED ${String(error)}` }),
);
console.log(JSON.stringify({ attack, warmUpMs, callMs: Math.round(performance.now() - started), ...outcome }));
