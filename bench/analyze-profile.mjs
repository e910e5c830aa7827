#!/usr/bin/env node
// Reads a V8 .cpuprofile (node --cpu-prof, or bench/profile.mjs) and prints: the top self-time functions with their
// files, self time grouped by package / our source folder, and the inclusive time of the pipeline stages.
//
// Usage: node bench/analyze-profile.mjs <file.cpuprofile> [--top 10] [--renders 20]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Short, stable name of a script: package-relative for node_modules, repo-relative for ours. */
export function shortFile(url) {
  if (!url) return '';
  let path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) return path.slice(nm + '/node_modules/'.length);
  const dist = path.indexOf('/dist/');
  if (dist >= 0) return path.slice(dist + 1);
  const bench = path.indexOf('/bench/');
  if (bench >= 0) return path.slice(bench + 1);
  return path;
}

/** Which component a frame belongs to (package name, our dist/ folder, node internals, V8 pseudo-frames). */
export function componentOf(frame) {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return '(garbage collector)';
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)') return functionName;
    return '(native/V8 builtins)';
  }
  const file = shortFile(url);
  if (url.startsWith('node:')) return `node:${file.replace(/^node:/, '').split('/')[0]}`;
  const m = url.match(/\/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  const d = file.match(/^dist\/([^/]+)(?:\/([^/]+))?/);
  if (d) return `ours: dist/${d[1]}${d[2] && !d[2].endsWith('.js') ? `/${d[2]}` : ''}`;
  return file;
}

/** Pipeline stages, by the inclusive time of the function that runs each (name + file substring [+ line]). */
export const STAGES = [
  ['load pdfmake/pdfkit/fontkit modules (first render only)', 'loadRuntime', 'dist/render/fonts/pdfmakeRuntime'],
  ['validate the input (zod), total', 'validateReport', 'dist/schema/validateReport/'],
  ['  of which: building the zod schema (createReportSchema)', 'createReportSchema', 'dist/schema/report/'],
  ['resolve forms', 'resolveForms', 'dist/forms/resolveForms/'],
  ['our layout (layoutReport), total', 'layoutReport', 'dist/layout/layoutReport'],
  ['  setBlocks (paragraph + table setting)', 'setBlocks', 'dist/layout/flow/setBlocks'],
  ['  table sizing (sizeTable)', 'sizeTable', 'dist/layout/table/sizeTable/'],
  ['  line breaking (breakLines, all callers)', 'breakLines', 'dist/text/breakLines/breakLines'],
  ['  break opportunities (linebreak UAX14 + Intl.Segmenter)', 'breakOpportunities', 'dist/text/breakLines/breakOpportunities'],
  ['  Intl.Segmenter word boundaries (wordBoundaries)', 'wordBoundaries', 'dist/text/breakLines/breakOpportunities'],
  ['  pagination (paginate)', 'paginate', 'dist/layout/paginate/'],
  ['  painting table segments (paintTableSegment)', 'paintTableSegment', 'dist/layout/table/paintTableSegment/'],
  ['plan -> pdfmake document definition', 'toDocDefinition', 'dist/render/toDocDefinition/'],
  ['pdfmake createPdfKitDocument (measure + layout + draw), total', 'createPdfKitDocument', 'pdfmake/js/Printer'],
  ['  pdfmake measures every text node (DocMeasure: widthOfString -> fontkit shaping)', 'measureDocument', 'pdfmake/js/DocMeasure'],
  ['  pdfmake renders pages (Renderer: pdfkit text + lines)', 'renderPages', 'pdfmake/js/Renderer'],
  ['PDF output (pdfkit end: font subsets, zlib, write), total', 'getBufferInternal', 'pdfmake/js/OutputDocument'],
  ['  embedding the font subsets (pdfkit EmbeddedFont.embed)', 'embed', 'pdfkit/js/pdfkit.js', 2647],
  ['  zlib deflate, all streams (font streams inside embed, page streams inside renderPages)', 'zlibBufferSync', 'node:zlib'],
  ['page-count check (regex over the PDF)', 'countPages', 'dist/render/renderPdf/'],
];

export function analyze(profile, { renders = null, top = 10 } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  // Self time per node from the samples and their time deltas (µs).
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time since the previous sample; attribute the interval to the sample that ends it
    // (what DevTools does, near enough for a summary).
    const dt = timeDeltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + Math.max(0, dt));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs.entries()].filter(([id]) => nodes.get(id).callFrame.functionName === '(idle)').reduce((a, [, v]) => a + v, 0);
  const busy = total - idle;

  const key = (cf) => `${cf.functionName || '(anonymous)'}\u0000${cf.url}\u0000${cf.lineNumber}`;
  // A native frame (no script URL, e.g. zlib's writeSync binding or a V8 builtin) is counted in the component of
  // the nearest JavaScript caller, marked "(native)"; GC and the V8 pseudo-frames stay on their own.
  const componentOfNode = (id) => {
    const cf = nodes.get(id).callFrame;
    const own = componentOf(cf);
    if (own !== '(native/V8 builtins)') return own;
    for (let cur = parentOf.get(id); cur !== undefined; cur = parentOf.get(cur)) {
      const c = nodes.get(cur).callFrame;
      if (c.url) return `${componentOf(c)} (native)`;
    }
    return own;
  };
  const byFunction = new Map();
  const byComponent = new Map();
  for (const [id, us] of selfUs) {
    const cf = nodes.get(id).callFrame;
    if (cf.functionName === '(idle)') continue;
    const k = key(cf) + (cf.url ? '' : `\u0000${componentOfNode(id)}`);
    const f = byFunction.get(k) ?? { name: cf.functionName || '(anonymous)', file: shortFile(cf.url) || '(native)', line: cf.lineNumber + 1, us: 0, component: componentOfNode(id) };
    f.us += us;
    byFunction.set(k, f);
    const c = componentOfNode(id);
    byComponent.set(c, (byComponent.get(c) ?? 0) + us);
  }
  // Inclusive time per function (each distinct function counted once per stack).
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    if (nodes.get(id).callFrame.functionName === '(idle)') continue;
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parentOf.get(cur)) {
      const cf = nodes.get(cur).callFrame;
      const k = key(cf);
      if (seen.has(k)) continue;
      seen.add(k);
      const f = inclusive.get(k) ?? { name: cf.functionName || '(anonymous)', file: shortFile(cf.url), line: cf.lineNumber + 1, us: 0 };
      f.us += us;
      inclusive.set(k, f);
    }
  }
  const gcUs = [...selfUs.entries()].filter(([id]) => nodes.get(id).callFrame.functionName === '(garbage collector)').reduce((a, [, v]) => a + v, 0);
  const stages = STAGES.map(([label, name, file, line]) => {
    let us = 0;
    for (const f of inclusive.values()) if (f.name === name && f.file.includes(file) && (line === undefined || f.line === line)) us += f.us;
    return { label, fn: name, us };
  }).filter((s) => s.us > 0);
  stages.push({ label: 'garbage collector (spread over all stages)', fn: '(garbage collector)', us: gcUs });
  const pct = (us) => Math.round((us / busy) * 1000) / 10;
  const ms = (us) => Math.round(us / 100) / 10;
  const perRender = (us) => (renders ? Math.round(us / renders / 100) / 10 : null);
  const fmt = (f) => ({ ...f, ms: ms(f.us), pct: pct(f.us), ms_per_render: perRender(f.us) });
  return {
    busy_ms: ms(busy), idle_ms: ms(idle), renders,
    busy_ms_per_render: perRender(busy),
    samples: samples.length,
    top_self: [...byFunction.values()].sort((a, b) => b.us - a.us).slice(0, top).map(fmt),
    top_self_30: [...byFunction.values()].sort((a, b) => b.us - a.us).slice(0, 30).map(fmt),
    stages: stages.map((s) => ({ label: s.label, fn: s.fn, ms: ms(s.us), pct: pct(s.us), ms_per_render: perRender(s.us) })),
    components: [...byComponent.entries()].sort((a, b) => b[1] - a[1]).map(([component, us]) => ({ component, ms: ms(us), pct: pct(us), ms_per_render: perRender(us) })),
    inclusive: [...inclusive.values()].filter((f) => f.file && !f.file.startsWith('node:')).sort((a, b) => b.us - a.us).slice(0, 60).map(fmt),
  };
}

export function formatAnalysis(a, { title = 'profile', topN = 10 } = {}) {
  const L = [];
  L.push(`### CPU profile: ${title}`);
  L.push('');
  L.push(`Busy (non-idle) time ${a.busy_ms} ms over ${a.samples} samples${a.renders ? `, ${a.busy_ms_per_render} ms per render` : ''}; idle ${a.idle_ms} ms. Percentages are of busy time.`);
  L.push('');
  L.push(`Top ${topN} functions by self time:`);
  L.push('');
  L.push('| # | function | file:line | component | self ms | % | ms/render |');
  L.push('| ---: | --- | --- | --- | ---: | ---: | ---: |');
  a.top_self_30.slice(0, topN).forEach((f, i) => L.push(`| ${i + 1} | \`${f.name}\` | ${f.file}:${f.line} | ${f.component} | ${f.ms} | ${f.pct} | ${f.ms_per_render ?? '–'} |`));
  L.push('');
  L.push('Pipeline stages (inclusive time; indented rows are parts of the row above):');
  L.push('');
  L.push('| stage | function | ms | % | ms/render |');
  L.push('| --- | --- | ---: | ---: | ---: |');
  for (const st of a.stages) L.push(`| ${st.label.replace(/^  /, '&nbsp;&nbsp;↳ ')} | \`${st.fn}\` | ${st.ms} | ${st.pct} | ${st.ms_per_render ?? '–'} |`);
  L.push('');
  L.push('Self time by component:');
  L.push('');
  L.push('| component | self ms | % | ms/render |');
  L.push('| --- | ---: | ---: | ---: |');
  for (const c of a.components.slice(0, 20)) L.push(`| ${c.component} | ${c.ms} | ${c.pct} | ${c.ms_per_render ?? '–'} |`);
  L.push('');
  L.push('Inclusive time (function and everything it calls), top 40 JS functions:');
  L.push('');
  L.push('| function | file:line | incl. ms | % | ms/render |');
  L.push('| --- | --- | ---: | ---: | ---: |');
  for (const f of a.inclusive.slice(0, 40)) L.push(`| \`${f.name}\` | ${f.file}:${f.line} | ${f.ms} | ${f.pct} | ${f.ms_per_render ?? '–'} |`);
  L.push('');
  return `${L.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) { console.error('usage: node bench/analyze-profile.mjs <file.cpuprofile> [--top 10] [--renders 20]'); process.exit(2); }
  const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
  const a = analyze(JSON.parse(readFileSync(file, 'utf8')), { renders: opt('renders') ? Number(opt('renders')) : null });
  process.stdout.write(formatAnalysis(a, { title: file, topN: Number(opt('top', 10)) }));
}
