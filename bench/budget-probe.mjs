// One measured render of a synthetic report shape (run by bench/budget.mjs in its own process):
//   node bench/budget-probe.mjs <shape> <n>   → prints {ms, pages, maxRssMb, outcome}
// Shapes: cells (one 40-column table of n rows, short numbers), text-cells (40 columns × n rows of
// 500-character cells), paragraphs (n paragraphs of 20,000 characters), tables (16 tables × n rows × 7 columns).
import { renderReport, DEFAULT_LIMITS } from '../dist/index.js';

const [shape, nText, limitsJson] = process.argv.slice(2);
const n = Number(nText);
const limits = limitsJson ? JSON.parse(limitsJson) : undefined;
const meta = { title: '压力测试报告', issuer: '某局', year: 2020 };
const han = (length, seed = 0) => Array.from({ length }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919 + seed * 131) % 20000))).join('');

export function buildReport(shape, n) {
  const table = (rows, columns, cell) => ({
    table: {
      columns: Array.from({ length: columns }, (_, c) => `列${c + 1}`),
      rows: Array.from({ length: rows }, (_, r) => ({ label: `行${r + 1}`, values: Array.from({ length: columns }, (_, c) => cell(r, c)) })),
    },
  });
  switch (shape) {
    case 'cells': return { meta, sections: [{ heading: '表', content: [table(n, 40, (r, c) => r * 40 + c)] }] };
    case 'text-cells': return { meta, sections: [{ heading: '表', content: [table(n, 40, (r, c) => han(500, r * 40 + c))] }] };
    case 'paragraphs': return { meta, sections: [{ heading: '文', content: Array.from({ length: n }, (_, i) => han(20_000, i)) }] };
    case 'blocks': return { meta, sections: [{ heading: '文', content: Array.from({ length: n }, (_, i) => han(10, i)) }] };
    case 'tables': return { meta, sections: [{ heading: '表', content: Array.from({ length: 16 }, () => table(n, 7, (r, c) => r + c)) }] };
    default: throw new Error(`unknown shape ${shape}`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const report = buildReport(shape, n);
  const t0 = performance.now();
  let outcome = 'ok';
  let pages = 0;
  try {
    const result = await renderReport(report, limits ? { limits } : {});
    pages = result.pageCount;
  } catch (error) {
    outcome = error?.code ?? String(error);
  }
  const ms = Math.round(performance.now() - t0);
  console.log(JSON.stringify({ shape, n, ms, pages, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), outcome, defaults: DEFAULT_LIMITS === undefined }));
}
