#!/usr/bin/env node
// The painter's floor of a one-shot render (issue 16): how long a fresh process takes to do only
// pdfmake's share of `gov-report-pdf render` — start Node, load pdfmake/pdfkit/fontkit, open the
// fonts, paint the seed's finished layout plan (read from JSON, so no validation, forms or layout)
// and write the PDF — against the Typst peer's one-shot process and our whole CLI, round robin.
// If the floor alone is over 1.5× Typst, no work on our own stages can bring the CLI within 1.5×
// while pdfmake paints. The painting process also reports its own split: Node's start-up, loading
// (pdfmake, pdfkit, fontkit, the fonts) and the first paint on a cold JIT.
//
// Usage: node bench/oneshot-floor.mjs [--k 15]     (run `npm run build` and bench/setup-peers.sh first;
//        every child runs on the Node that runs this script)
//        node bench/oneshot-floor.mjs --paint-only <plan.json> <out.pdf>   (the measured child)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { argv, opt } from './args.mjs';
import { lastJson, runMeasured } from './proc.mjs';
import { repoDir, benchDir, SEED_FILE } from './reports.mjs';
import { median } from './stats.mjs';

if (argv[0] === '--paint-only') {
  const [, planFile, outFile] = argv;
  const started = performance.now(); // ms since the process began: Node's start-up and this script's imports
  // As dist/cli/bin.js does: Node ≥ 22.1 caches compiled modules on disk (a no-op on Node 20).
  (await import('node:module')).enableCompileCache?.();
  const { createFontRegistry } = await import('../dist/render/fonts/fontRegistry.js');
  const { createPdfmakeInstance } = await import('../dist/render/fonts/pdfmakeRuntime.js');
  const { renderPdf } = await import('../dist/render/renderPdf/renderPdf.js');
  const { plan, creationDate } = JSON.parse(readFileSync(planFile, 'utf8'));
  const fonts = createFontRegistry();
  const pdfmake = createPdfmakeInstance();
  fonts.fontDictionary();
  const loaded = performance.now();
  const pdf = await renderPdf(plan, fonts, new Date(creationDate), pdfmake);
  const painted = performance.now();
  writeFileSync(outFile, pdf);
  // What a startup snapshot could remove (loading) and what it could not (the first paint on a cold JIT).
  console.log(JSON.stringify({ start_ms: started, load_ms: loaded - started, paint_ms: painted - loaded }));
  process.exit(0);
}

const k = Number(opt('k', '15'));
const work = mkdtempSync(join(tmpdir(), 'oneshot-floor-'));
const { createRenderer } = await import('../dist/index.js');
const { plan } = await createRenderer().plan(readFileSync(SEED_FILE));
if (plan.pages.some((page) => page.items.some((item) => item.kind === 'image'))) throw new Error('the plan has images, which JSON does not carry');
const planFile = join(work, 'plan.json');
writeFileSync(planFile, JSON.stringify({ plan, creationDate: '2021-01-20T00:00:00+08:00' }));

const node = process.execPath;
const tools = {
  typst: [node, [join(benchDir, 'run-typst.mjs'), '--out', join(work, 'typst.pdf')]],
  paint_only: [node, [join(benchDir, 'oneshot-floor.mjs'), '--paint-only', planFile, join(work, 'paint.pdf')]],
  ours_cli: [node, [join(repoDir, 'dist/cli/bin.js'), 'render', SEED_FILE, '-o', join(work, 'cli.pdf'), '--quiet']],
};
const names = Object.keys(tools);
const wall = Object.fromEntries(names.map((name) => [name, []]));
const cpu = Object.fromEntries(names.map((name) => [name, []]));
const paintParts = { start_ms: [], load_ms: [], paint_ms: [] };
const load0 = loadavg();
for (let round = -1; round < k; round++) {
  const order = names.map((_, i) => names[(i + Math.max(round, 0)) % names.length]);
  for (const name of order) {
    const [command, args] = tools[name];
    const res = await runMeasured(command, args, { cwd: repoDir });
    if (res.code !== 0) throw new Error(`${name} exited ${res.code}: ${res.stderr}`);
    if (round < 0) continue; // one untimed round: file cache
    wall[name].push(res.wall_ms);
    cpu[name].push(res.cpu_ms);
    if (name === 'paint_only') {
      const parts = lastJson(res.stdout);
      for (const key of Object.keys(paintParts)) paintParts[key].push(parts[key]);
    }
  }
}
rmSync(work, { recursive: true, force: true });
const r2 = (x) => Math.round(x * 100) / 100;
const result = { node: process.version, k, load_start: load0, load_end: loadavg() };
for (const name of names) result[name] = { wall_ms_median: Math.round(median(wall[name])), cpu_ms_median: Math.round(median(cpu[name])) };
result.paint_only.inside_ms_median = Object.fromEntries(Object.entries(paintParts).map(([key, values]) => [key, Math.round(median(values))]));
result.paint_only_over_typst = r2(result.paint_only.wall_ms_median / result.typst.wall_ms_median);
result.ours_cli_over_typst = r2(result.ours_cli.wall_ms_median / result.typst.wall_ms_median);
result.paint_only_share_of_cli = r2(result.paint_only.wall_ms_median / result.ours_cli.wall_ms_median);
console.log(JSON.stringify(result));
