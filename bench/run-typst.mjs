#!/usr/bin/env node
// One render process of the Typst peer (bench/.peers/typst: @myriaddreamin/typst-ts-node-compiler, in-process),
// started by bench.mjs. Same compiler creation and fonts as the peer's own bench.mjs. Prints one JSON line.
//
// Usage: node bench/run-typst.mjs [--report seed|large[:50]|rows:<n>] [--warmup 0] [--n 0] [--out file.pdf]
//                                 [--no-tags]
//   --warmup 0 --n 0 (default): one-shot: load the addon, create the compiler, compile + export once, write, exit
//   --serve a,b : as in run-ours.mjs (IPC render-on-request, for bench.mjs's interleaved series)
//   warm renders call compiler.evictCache(0) first (untimed), as the peer's warm_ms_median does: no memo cache hit.
import { performance } from 'node:perf_hooks';
const bootMs = performance.now();
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { typstSource, peersDir } from './peer-sources.mjs';

import { argv, opt } from './args.mjs';
import { median } from './stats.mjs';
const reportName = opt('report', 'seed');
const warmup = Number(opt('warmup', 0));
const n = Number(opt('n', 0));
const out = opt('out', undefined);
const PDF_OPTS = { pdfTags: !argv.includes('--no-tags') };
const FONT_PATHS = (process.env.TYPST_FONT_PATHS ||
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc:/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc')
  .split(':').filter(Boolean);
const serve = opt('serve', undefined);
const sources = serve === undefined ? { [reportName]: typstSource(reportName) } : Object.fromEntries(serve.split(',').map((name) => [name, typstSource(name)]));
const src = sources[reportName] ?? Object.values(sources)[0];
const typstDir = join(peersDir, 'typst');

const t0 = performance.now();
const require = createRequire(join(typstDir, 'package.json'));
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const t1 = performance.now();
const compiler = NodeCompiler.create({ workspace: typstDir, fontArgs: [{ fontPaths: FONT_PATHS }] });
const t2 = performance.now();

function render(text = src) {
  const res = compiler.compile({ mainFileContent: text });
  const err = res.takeError();
  if (err) {
    let diag;
    try { diag = compiler.fetchDiagnostics(err).map((d) => d.message ?? JSON.stringify(d)).join('\n'); } catch { diag = String(err.shortDiagnostics); }
    throw new Error(`typst compile failed:\n${diag}`);
  }
  const doc = res.result;
  return { doc, buf: compiler.pdf(doc, PDF_OPTS) };
}

if (serve !== undefined) {
  for (const name of Object.keys(sources)) for (let i = 0; i <= warmup; i++) { compiler.evictCache(0); render(sources[name]); }
  process.on('message', (message) => {
    if (message.exit) {
      process.send({ max_rss_kb: process.resourceUsage().maxRSS }, () => process.exit(0));
      return;
    }
    compiler.evictCache(0); // untimed, as the peer's warm_ms_median
    const t = performance.now();
    const { doc, buf } = render(sources[message.render]);
    process.send({ ms: performance.now() - t, pdf_bytes: buf.length, pages: doc.numOfPages });
  });
  process.send({ ready: true });
} else {
let last = render();
const t3 = performance.now();
for (let i = 0; i < warmup; i++) { compiler.evictCache(0); last = render(); }
const times = [];
for (let i = 0; i < n; i++) {
  compiler.evictCache(0);
  const t = performance.now();
  last = render();
  times.push(performance.now() - t);
}
let pages = last.doc.numOfPages;
if (out !== undefined) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, last.buf);
  try {
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1] ?? pages);
  } catch { /* no poppler */ }
}
const r1 = (x) => Math.round(x * 10) / 10;
const warmMedian = median(times);
console.log(JSON.stringify({
  report: reportName,
  pdf_tags: PDF_OPTS.pdfTags,
  node_boot_ms: r1(bootMs),
  import_ms: r1(t1 - t0),
  create_ms: r1(t2 - t1),
  first_ms: r1(t3 - t2),
  cold_in_process_ms: r1(t3 - t0),
  warmup, n,
  warm_ms_median: warmMedian === null ? null : r1(warmMedian),
  times_ms: times.map(r1),
  pdf_bytes: last.buf.length,
  pdf_bytes_untagged: compiler.pdf(last.doc, { pdfTags: false }).length,
  pages,
  max_rss_kb: process.resourceUsage().maxRSS,
}));
}
