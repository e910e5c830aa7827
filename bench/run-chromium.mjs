#!/usr/bin/env node
// One render process of the Chromium peer (bench/.peers/chromium: system /usr/bin/chromium driven by its
// playwright-core), started by bench.mjs. Same launch arguments and page.pdf options as the peer's own bench.mjs.
// Prints one JSON line on stdout.
//
// Usage: node bench/run-chromium.mjs [--report seed|large[:50]|rows:<n>] [--warmup 0] [--n 0] [--out file.pdf]
//   --warmup 0 --n 0 (default): one-shot: launch the browser, render once, write the PDF, close, exit
//   --serve a,b : as in run-ours.mjs (IPC render-on-request on one page, for bench.mjs's interleaved series)
import { performance } from 'node:perf_hooks';
const bootMs = performance.now();
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { chromiumSource, peersDir } from './peer-sources.mjs';

import { argv, opt } from './args.mjs';
import { median } from './stats.mjs';
const reportName = opt('report', 'seed');
const warmup = Number(opt('warmup', 0));
const n = Number(opt('n', 0));
const out = opt('out', undefined);
const EXE = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const PDF_OPTS = {
  format: 'A4',
  margin: { top: '2.5cm', bottom: '2.5cm', left: '2.5cm', right: '2.5cm' },
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: '<div></div>',
  footerTemplate:
    '<div style="width:100%;font-size:9pt;font-family:\'Noto Sans CJK SC\',sans-serif;' +
    'text-align:center;color:#333;">第 <span class="pageNumber"></span> 页 / 共 ' +
    '<span class="totalPages"></span> 页</div>',
};
const serve = opt('serve', undefined);
const sources = serve === undefined ? { [reportName]: chromiumSource(reportName) } : Object.fromEntries(serve.split(',').map((name) => [name, chromiumSource(name)]));
const html = sources[reportName] ?? Object.values(sources)[0];

async function render(page, content = html) {
  await page.setContent(content, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return page.pdf(PDF_OPTS);
}

const t0 = performance.now();
const require = createRequire(join(peersDir, 'chromium', 'package.json'));
const { chromium } = require('playwright-core');
const t1 = performance.now();
const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-profile-'));
let context;
const r1 = (x) => Math.round(x * 10) / 10;
try {
  context = await chromium.launchPersistentContext(profile, { executablePath: EXE, headless: true, args: ARGS });
  const page = context.pages()[0] || (await context.newPage());
  if (serve !== undefined) {
    for (const name of Object.keys(sources)) for (let i = 0; i <= warmup; i++) await render(page, sources[name]);
    await new Promise((resolve) => {
      process.on('message', async (message) => {
        if (message.exit) {
          process.send({ max_rss_kb: process.resourceUsage().maxRSS });
          resolve();
          return;
        }
        const t = performance.now();
        const buf = await render(page, sources[message.render]);
        process.send({ ms: performance.now() - t, pdf_bytes: buf.length, pages: (buf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length });
      });
      process.send({ ready: true });
    });
    await context.close();
    context = undefined;
    process.disconnect();
  } else {
  const t2 = performance.now();
  let buf = await render(page);
  const t3 = performance.now();
  for (let i = 0; i < warmup; i++) buf = await render(page);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    buf = await render(page);
    times.push(performance.now() - t);
  }
  if (out !== undefined) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, buf);
  }
  const warmMedian = median(times);
  const tClose = performance.now();
  await context.close();
  context = undefined;
  const closeMs = performance.now() - tClose;
  console.log(JSON.stringify({
    report: reportName,
    node_boot_ms: r1(bootMs),
    import_ms: r1(t1 - t0),
    launch_ms: r1(t2 - t1),
    first_ms: r1(t3 - t2),
    cold_in_process_ms: r1(t3 - t0),
    close_ms: r1(closeMs),
    warmup, n,
    warm_ms_median: warmMedian === null ? null : r1(warmMedian),
    times_ms: times.map(r1),
    pdf_bytes: buf.length,
    pages: (buf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length,
    max_rss_kb: process.resourceUsage().maxRSS, // the node process only; the browser's processes are measured outside
  }));
  }
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
