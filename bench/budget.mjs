// The work budget's worst case (issue 10, point 3): reports that pass validation with the DEFAULT limits
// and sit at the edge of every budget — table cells, characters, blocks, image pixels and bytes — each
// rendered in a fresh process under /usr/bin/time (wall time, peak RSS). The defaults in
// src/schema/limits/limits.ts were chosen so that none of these takes more than 60 s or 1.5 GB here.
//
//   npm run build && node bench/budget.mjs                 # every shape (~5–10 min on the 2-core VM)
//   node bench/budget.mjs --only cells-wide,everything     # some shapes
//   node bench/budget.mjs --child <shape>                  # one render, prints one JSON line (used by the parent)
//
// Writes bench/out/budget.json and prints a markdown table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { opt } from './args.mjs';
import { runMeasured, lastJson } from './proc.mjs';
import { benchDir } from './reports.mjs';
import { tsImport } from 'tsx/esm/api';

// The image tests' PNG encoder (TypeScript, loaded through tsx's API: `node bench/….mjs` still runs).
const { pngOf, ihdr } = await tsImport('../test/fuzz/imageSamples.ts', import.meta.url);

const meta = { title: '工作量上限测试', issuer: '某局', year: 2020 };
const TITLE_CHARS = meta.title.length + meta.issuer.length;

/** Distinct ideographs, so that the fonts' glyph subsets and line breaking do real work. */
const han = (length, seed = 0) => {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(0x4e00 + ((i * 7919 + seed * 131) % 20_000));
  return text;
};

const table = (rows, columns, cell, labels = true) => ({
  table: {
    columns: Array.from({ length: columns }, (_, c) => `列${c}`),
    rows: Array.from({ length: rows }, (_, r) => ({ ...(labels ? { label: `行${r}` } : {}), values: Array.from({ length: columns }, (_, c) => cell(r, c)) })),
  },
});

/** Splits blocks into sections of at most 2,000 (maxBlocks); each section is a block too. */
const sectionsOf = (blocks, heading = '节') => {
  const sections = [];
  for (let i = 0; i < blocks.length; i += 2_000) sections.push({ heading, content: blocks.slice(i, i + 2_000) });
  return sections;
};

/**
 * An RGBA PNG of width × height whose rows are partly noise, so it deflates to about `targetBytes`
 * (noise does not compress, zeros do): the costliest kind for pdfkit, which decodes RGBA pixels to
 * split off the alpha channel and deflates both again.
 */
function noisyRgbaPng(width, height, targetBytes) {
  const rowBytes = width * 4;
  const noisy = Math.max(1, Math.min(rowBytes, Math.floor((targetBytes / height) * 0.985)));
  let seed = 12345;
  const raw = Buffer.alloc(height * (rowBytes + 1));
  for (let y = 0; y < height; y++) {
    const start = y * (rowBytes + 1) + 1;
    for (let x = 0; x < noisy; x++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      raw[start + x] = seed >>> 24;
    }
  }
  return new Uint8Array(pngOf(ihdr(width, height, 8, 6), deflateSync(raw, { level: 1 })));
}

const TINY_PNG = new Uint8Array(pngOf(ihdr(8, 8, 8, 6), deflateSync(Buffer.concat(Array.from({ length: 8 }, (_, y) => Buffer.from([0, ...Array.from({ length: 32 }, (_, x) => (x * 31 + y * 17) & 0xff)]))))));

const { DEFAULT_LIMITS: L } = await import('../dist/index.js');
const CELLS = L.maxTotalCells;
const TEXT = L.maxTotalTextLength;
const BLOCKS = L.maxTotalBlocks;
/** Blocks left for content once the sections that hold them (2,000 each, maxBlocks) are counted. */
const contentBlocks = (total) => total - Math.ceil(total / 2_001);

/** Each shape stays within every default limit and reaches at least one budget (sizes follow DEFAULT_LIMITS). */
export const SHAPES = {
  // The cell budget in wide tables: 40 numeric columns, rows without labels (no text).
  'cells-wide': () => ({ meta, sections: [{ heading: '表', content: [table(Math.floor(CELLS / 40), 40, (r, c) => r * 40 + c, false)] }] }),
  // The cell budget as rows: one-column tables of up to 20,000 unlabelled rows.
  'cells-narrow': () => ({ meta, sections: [{ heading: '表', content: Array.from({ length: Math.ceil(CELLS / 20_000) }, (_, i) => table(Math.min(20_000, CELLS - i * 20_000), 1, (r) => r, false)) }] }),
  // The attack shape at the budget: 40 columns of 500-character cells, as many as the text budget allows.
  'text-cells': () => ({ meta, sections: [{ heading: '表', content: [table(Math.floor((TEXT - 400) / 500 / 40), 40, (r, c) => han(500, r * 40 + c), false)] }] }),
  // The text budget as paragraphs of 20,000 characters.
  'text-paragraphs': () => {
    const rest = TEXT - TITLE_CHARS - 1;
    return { meta, sections: [{ heading: '文', content: Array.from({ length: Math.ceil(rest / 20_000) }, (_, i) => han(Math.min(20_000, rest - i * 20_000), i)) }] };
  },
  // The block budget: one-character paragraphs.
  'blocks-paragraphs': () => ({ meta, sections: sectionsOf(Array.from({ length: contentBlocks(BLOCKS) }, () => '段')) }),
  // The block budget: one-cell tables.
  'blocks-tables': () => ({ meta, sections: sectionsOf(Array.from({ length: contentBlocks(BLOCKS) }, (_, i) => table(1, 1, () => i, false))) }),
  // The block budget: headings (subsections) with no content, all kept with the next.
  'blocks-headings': () => ({ meta, sections: sectionsOf(Array.from({ length: contentBlocks(BLOCKS) }, () => ({ heading: '小节' }))) }),
  // The block budget: 8 × 8 images.
  'blocks-images': () => ({ meta, sections: sectionsOf(Array.from({ length: contentBlocks(BLOCKS) }, () => ({ image: { data: TINY_PNG, width: 10 } }))) }),
  // The image budgets: 300-dpi A4 RGBA PNGs filling maxTotalImagePixels, each ~maxImageBytes of noise.
  'images-max': () => {
    const count = Math.floor(L.maxTotalImagePixels / L.maxImagePixels);
    const png = noisyRgbaPng(2480, 3508, Math.min(L.maxImageBytes, L.maxTotalImageBytes / count) * 0.97);
    return { meta, sections: [{ heading: '图', content: Array.from({ length: count }, () => ({ image: { data: png } })) }] };
  },
  // Every budget at once: 97 % of the cells as numbers, 90 % of the text in 480-character cells, the
  // blocks as one-cell tables, and images with 96 % of the pixel budget.
  everything: () => {
    const count = Math.floor(L.maxTotalImagePixels / L.maxImagePixels);
    const png = noisyRgbaPng(2480, 3350, Math.min(L.maxImageBytes, L.maxTotalImageBytes / count) * 0.97);
    const textCells = Math.floor((TEXT * 0.9) / 480);
    const blocks = contentBlocks(BLOCKS) - 10;
    const numeric = Math.floor((CELLS - Math.ceil(textCells / 40) * 40 - blocks) / 40);
    return {
      meta,
      sections: [
        { heading: '表', content: [table(numeric, 40, (r, c) => r * 40 + c, false), table(Math.ceil(textCells / 40), 40, (r, c) => (r * 40 + c < textCells ? han(480, r * 40 + c) : 0), false), ...Array.from({ length: count }, () => ({ image: { data: png } }))] },
        ...sectionsOf(Array.from({ length: blocks }, (_, i) => table(1, 1, () => i, false))),
      ],
    };
  },
};

if (opt('child') !== undefined) {
  const { renderReport } = await import('../dist/index.js');
  const shape = opt('child');
  const report = SHAPES[shape]();
  const started = performance.now();
  let outcome = 'ok';
  let pages = 0;
  let bytes = 0;
  try {
    const result = await renderReport(report);
    pages = result.pageCount;
    bytes = result.pdf.byteLength;
  } catch (error) {
    outcome = `${error?.code ?? 'unnamed'}: ${String(error?.message ?? error).split('\n').slice(0, 3).join(' | ')}`;
  }
  console.log(JSON.stringify({ shape, renderMs: Math.round(performance.now() - started), pages, bytes, outcome, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else {
  const only = opt('only')?.split(',');
  const rows = [];
  for (const shape of Object.keys(SHAPES).filter((name) => only === undefined || only.includes(name))) {
    const run = await runMeasured(process.execPath, [join(benchDir, 'budget.mjs'), '--child', shape], { timeoutMs: 180_000 });
    let child;
    try {
      child = lastJson(run.stdout);
    } catch {
      child = { outcome: `crashed (exit ${run.code}): ${run.stderr.trim().split('\n').slice(-2).join(' | ')}` };
    }
    const row = { shape, wallS: Math.round(run.wall_ms / 100) / 10, cpuS: run.cpu_ms === null ? null : Math.round(run.cpu_ms / 100) / 10, load: run.load_before[0], peakRssMb: run.max_rss_kb === null ? null : Math.round(run.max_rss_kb / 1024), ...child };
    rows.push(row);
    console.error(JSON.stringify(row));
  }
  mkdirSync(join(benchDir, 'out'), { recursive: true });
  writeFileSync(join(benchDir, 'out', 'budget.json'), `${JSON.stringify(rows, null, 2)}\n`);
  console.log('| shape | outcome | pages | wall s | CPU s | peak RSS MB | load (1 min) |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(`| ${row.shape} | ${row.outcome} | ${row.pages ?? ''} | ${row.wallS} | ${row.cpuS} | ${row.peakRssMb} | ${row.load} |`);
}
