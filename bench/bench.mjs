#!/usr/bin/env node
// Side-by-side benchmark (issue 6): the seed report rendered in ONE run by this library (gov-report-pdf, from dist/)
// and by the two peers (headless Chromium, Typst), with ratios computed from this run's numbers only.
//
// Usage: node bench/bench.mjs [--quick] [--no-peers] [--no-peer-rows] [--n 20] [--k 5] [--repeat 50]
//                             [--rows 100,1000,5000] [--layout gbt9704] [--out bench/out]
//   (npm run bench = npm run build && node bench/bench.mjs)
//   --quick        smoke test: few iterations, small large-variant, rows 100 and 1000, no peers
//   --no-peers     only our library
//   --no-peer-rows skip the peers' row-scaling series (the peers' own harnesses have none; ours are in run-*.mjs)
//   --n            warm renders per series (after the warm-ups), default 20
//   --k            fresh processes per one-shot measurement (round robin over the tools), median taken; default 5
// The peers are set up in bench/.peers/ (git-ignored) by bench/setup-peers.sh if missing.
//
// Prints the markdown tables on stdout, then ONE JSON line with every figure. Progress goes to stderr.
// Also writes <out>/latest.md and <out>/latest.json, and the PDFs of the last renders under <out>/pdf/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, loadavg, hostname } from 'node:os';
import { join, relative } from 'node:path';
import { benchDir, repoDir, SEED_FILE } from './reports.mjs';
import { peersDir } from './peer-sources.mjs';
import { fork } from 'node:child_process';
import { runMeasured, lastJson, startTreeSampler } from './proc.mjs';
import { median } from './stats.mjs';

// ---- options --------------------------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : dflt;
};
const QUICK = flag('quick');
const PEERS = !QUICK && !flag('no-peers');
const PEER_ROWS = PEERS && !flag('no-peer-rows');
const N = Number(opt('n', QUICK ? 3 : 20));
const WARMUP = QUICK ? 1 : 3;
const K = Number(opt('k', QUICK ? 1 : 5));
const REPEAT = Number(opt('repeat', QUICK ? 10 : 50));
const LARGE_N = Number(opt('large-n', QUICK ? 1 : N));
const ROWS = opt('rows', QUICK ? '100,1000' : '100,1000,5000').split(',').map(Number);
const rowsN = (rows) => (QUICK ? 1 : rows <= 100 ? 10 : rows <= 1000 ? 5 : 3);
const LAYOUT = opt('layout', undefined);
const OUT = opt('out', join(benchDir, 'out'));
const PDF_DIR = join(OUT, 'pdf');
mkdirSync(PDF_DIR, { recursive: true });

const log = (...a) => console.error('[bench]', ...a);
const r1 = (x) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10) / 10);
const r2 = (x) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 100) / 100);
const mb = (kb) => (kb === null || kb === undefined ? null : r1(kb / 1024));
const max = (xs) => { const v = xs.filter((x) => x !== null && x !== undefined); return v.length ? Math.max(...v) : null; };
const node = process.execPath;

// ---- environment ----------------------------------------------------------------------------------------------------
function sh(cmd, args) {
  try { return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; }
}
function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? null;
  const dpkgVersion = (pkg) => sh('dpkg-query', ['-W', '-f=${Version}', pkg]);
  const pkgVersion = (file) => { try { return JSON.parse(readFileSync(file, 'utf8')).version; } catch { return null; } };
  return {
    hostname: hostname(),
    nproc: Number(sh('nproc', [])) || cpus().length,
    cpu_model: model,
    mem_total_gib: r1(totalmem() / 2 ** 30),
    kernel: sh('uname', ['-r']),
    os: readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?(.*?)"?$/m)?.[1] ?? null,
    node: process.version,
    pdfmake: pkgVersion(join(repoDir, 'node_modules/pdfmake/package.json')),
    gov_report_pdf: pkgVersion(join(repoDir, 'package.json')),
    git_head: sh('git', ['-C', repoDir, 'rev-parse', '--short', 'HEAD']),
    chromium: dpkgVersion('chromium'),
    playwright_core: pkgVersion(join(peersDir, 'chromium/node_modules/playwright-core/package.json')),
    typst_ts_node_compiler: pkgVersion(join(peersDir, 'typst/node_modules/@myriaddreamin/typst-ts-node-compiler/package.json')),
    fonts_noto_cjk: dpkgVersion('fonts-noto-cjk'),
    poppler: dpkgVersion('poppler-utils'),
  };
}

function pdfPages(file) {
  const out = sh('pdfinfo', [file]);
  const m = out?.match(/^Pages:\s+(\d+)/m);
  return m ? Number(m[1]) : null;
}
/** pdffonts summary: number of fonts, their types, and whether all are embedded subsets. */
function pdfFonts(file) {
  const out = sh('pdffonts', [file]);
  if (out === null) return null;
  const lines = out.split('\n').slice(2).filter(Boolean);
  const types = {};
  let subsets = 0;
  let embedded = 0;
  for (const line of lines) {
    // name, type (may contain spaces), encoding, emb, sub, uni, object ID
    const m = line.match(/^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
    if (!m) continue;
    types[m[2]] = (types[m[2]] ?? 0) + 1;
    if (m[4] === 'yes') embedded++;
    if (m[5] === 'yes') subsets++;
  }
  const count = Object.values(types).reduce((a, b) => a + b, 0);
  return {
    count, types, embedded, subsets,
    all_embedded_subsets: count > 0 && embedded === count && subsets === count,
    summary: `${count} fonts: ${Object.entries(types).map(([t, c]) => `${c}× ${t}`).join(', ')}; ${subsets}/${count} subset`,
  };
}

// ---- steps ----------------------------------------------------------------------------------------------------------
async function child(label, command, args, options = {}) {
  const res = await runMeasured(command, args, options);
  if (res.code !== 0) {
    throw new Error(`${label} exited ${res.code}\n${res.stderr.slice(-3000)}\n${res.stdout.slice(-2000)}`);
  }
  return res;
}

function ensurePeers() {
  const missing = ['chromium', 'typst'].filter((p) => !existsSync(join(peersDir, p, 'node_modules')) || !existsSync(join(peersDir, p, 'bench.mjs')));
  if (missing.length === 0) return;
  log(`peers not set up (${missing.join(', ')}): running bench/setup-peers.sh`);
  const res = spawnSync('bash', [join(benchDir, 'setup-peers.sh')], { stdio: ['ignore', 2, 2], env: { ...process.env, PEERS: missing.join(' ') } });
  if (res.status !== 0) throw new Error('bench/setup-peers.sh failed; run it by hand (as root: apt-get installs chromium, fonts-noto-cjk)');
}

/** Fresh processes that render the seed once and exit, round robin over the tools, K rounds. */
async function oneShots() {
  const tools = {
    ours_cli: () => [node, [join(repoDir, 'dist/cli/bin.js'), 'render', relative(repoDir, SEED_FILE), '-o', join(PDF_DIR, 'oneshot-ours-cli.pdf'), '--quiet',
      ...(LAYOUT ? ['--layout', LAYOUT] : [])], { cwd: repoDir }],
    ours_lib: () => [node, [join(benchDir, 'run-ours.mjs'), '--report', 'seed', '--warmup', '0', '--n', '0', '--out', join(PDF_DIR, 'oneshot-ours-lib.pdf'),
      ...(LAYOUT ? ['--layout', LAYOUT] : [])], { cwd: repoDir }],
  };
  if (PEERS) {
    tools.chromium = () => [node, [join(benchDir, 'run-chromium.mjs'), '--out', join(PDF_DIR, 'oneshot-chromium.pdf')], { cwd: repoDir, sampleTree: true }];
    tools.typst = () => [node, [join(benchDir, 'run-typst.mjs'), '--out', join(PDF_DIR, 'oneshot-typst.pdf')], { cwd: repoDir }];
  }
  const runs = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  for (let round = 0; round < K; round++) {
    for (const [name, make] of Object.entries(tools)) {
      const [cmd, args, options] = make();
      const res = await child(`one-shot ${name}`, cmd, args, options);
      let inner = null;
      if (name !== 'ours_cli') inner = lastJson(res.stdout);
      runs[name].push({ wall_ms: res.wall_ms, cpu_ms: res.cpu_ms, max_rss_kb: res.max_rss_kb, tree_peak_rss_kb: res.tree_peak_rss_kb, inner });
      log(`one-shot ${name} #${round + 1}: ${res.wall_ms} ms wall, ${res.cpu_ms} ms CPU, ${Math.round((res.tree_peak_rss_kb ?? res.max_rss_kb) / 1024)} MB`);
    }
  }
  const summary = {};
  for (const [name, list] of Object.entries(runs)) {
    const innerMedian = (key) => r1(median(list.map((r) => r.inner?.[key] ?? null)));
    summary[name] = {
      k: list.length,
      wall_ms_median: r1(median(list.map((r) => r.wall_ms))),
      wall_ms_all: list.map((r) => r.wall_ms),
      cpu_ms_median: r1(median(list.map((r) => r.cpu_ms))),
      max_rss_mb: mb(max(list.map((r) => r.max_rss_kb))),
      tree_peak_rss_mb: mb(max(list.map((r) => r.tree_peak_rss_kb))),
      ...(name === 'ours_cli' ? {} : {
        node_boot_ms_median: innerMedian('node_boot_ms'),
        import_ms_median: innerMedian('import_ms'),
        first_ms_median: innerMedian('first_ms'),
        cold_in_process_ms_median: innerMedian('cold_in_process_ms'),
        pdf_bytes: list.at(-1).inner.pdf_bytes,
        pages: list.at(-1).inner.pages,
      }),
    };
  }
  return summary;
}

async function oursSeries(reportName, n, warmup, pdfName, layout = LAYOUT) {
  const pdf = join(PDF_DIR, pdfName);
  const res = await child(`ours ${reportName}`, node, [join(benchDir, 'run-ours.mjs'), '--report', reportName, '--warmup', String(warmup), '--n', String(n), '--out', pdf,
    ...(layout ? ['--layout', layout] : [])], { cwd: repoDir });
  const r = lastJson(res.stdout);
  return {
    ...r,
    process_wall_ms: res.wall_ms,
    process_cpu_ms: res.cpu_ms,
    max_rss_mb: r1(r.max_rss_kb / 1024),
    max_rss_mb_after_first: r1(r.max_rss_kb_after_first / 1024),
    pdfinfo_pages: pdfPages(pdf),
    fonts: pdfFonts(pdf),
    pdf: relative(repoDir, pdf),
    load_before: res.load_before,
  };
}

async function peerRows(peer, rows, n) {
  const pdf = join(PDF_DIR, `rows-${rows}-${peer}.pdf`);
  const res = await child(`${peer} rows:${rows}`, node, [join(benchDir, `run-${peer}.mjs`), '--report', `rows:${rows}`, '--warmup', '1', '--n', String(n), '--out', pdf],
    { cwd: repoDir, sampleTree: peer === 'chromium' });
  const r = lastJson(res.stdout);
  return {
    rows, n, warm_ms_median: r.warm_ms_median, times_ms: r.times_ms, first_ms: r.first_ms, pages: pdfinfoOr(pdf, r.pages), pdf_bytes: r.pdf_bytes,
    pdf_bytes_untagged: r.pdf_bytes_untagged,
    peak_rss_mb: mb(res.tree_peak_rss_kb ?? res.max_rss_kb),
  };
}
const pdfinfoOr = (file, dflt) => pdfPages(file) ?? dflt;

/** The peer's own harness: `node bench.mjs --large` in its folder (as ../compare.sh does). */
async function peerBench(peer) {
  const outDir = join(OUT, 'peers', peer);
  const args = [join(peersDir, peer, 'bench.mjs'), '--large', '--n', String(N), '--large-n', String(LARGE_N), '--repeat', String(REPEAT), '--out', outDir];
  log(`peer ${peer}: node ${args.map((a) => relative(repoDir, a) || a).join(' ')}`);
  const res = await child(`peer ${peer} bench.mjs`, node, args, { cwd: join(peersDir, peer), sampleTree: peer === 'chromium' });
  const r = lastJson(res.stdout);
  return {
    ...r,
    bench_wall_s: r1(res.wall_ms / 1000),
    bench_cpu_s: r1(res.cpu_ms / 1000),
    max_rss_mb: mb(res.max_rss_kb),
    tree_peak_rss_mb: mb(res.tree_peak_rss_kb),
    fonts: pdfFonts(join(outDir, 'normal.pdf')),
    large_fonts: pdfFonts(join(outDir, 'large.pdf')),
    load_before: res.load_before,
  };
}

/**
 * Interleaved warm series: one long-lived render process per tool (run-<tool>.mjs --serve), all started first, then
 * N rounds in which each tool renders the same report once, in an order that rotates every round. Every tool thus
 * sees the same machine load, and the ratio of each round is taken before the median (on this noisy 2-core VM the
 * load drifts by 2x within minutes, which sequential blocks turn into a bias).
 */
async function interleaved(reportNames, n) {
  const tools = ['ours', 'chromium', 'typst'];
  const workers = {};
  for (const tool of tools) {
    const args = ['--serve', reportNames.join(','), '--warmup', '1', ...(tool === 'ours' && LAYOUT ? ['--layout', LAYOUT] : [])];
    const child = fork(join(benchDir, `run-${tool}.mjs`), args, { cwd: repoDir, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const sampler = startTreeSampler(child.pid, 100);
    const queue = [];
    const waiters = [];
    child.on('message', (m) => (waiters.length ? waiters.shift()(m) : queue.push(m)));
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    const next = () => new Promise((resolve, reject) => {
      if (queue.length) return resolve(queue.shift());
      waiters.push(resolve);
      exited.then((code) => reject(new Error(`interleaved ${tool} worker exited ${code}: ${stderr.slice(-2000)}`)));
    });
    workers[tool] = { child, next, sampler };
    log(`interleaved: starting ${tool} (${reportNames.join(', ')}, first render + 1 warm-up each)`);
    await next(); // ready
  }
  const times = Object.fromEntries(reportNames.map((r) => [r, Object.fromEntries(tools.map((t) => [t, []]))]));
  const info = Object.fromEntries(reportNames.map((r) => [r, {}]));
  for (let round = 0; round < n; round++) {
    for (const report of reportNames) {
      const order = tools.map((_, i) => tools[(i + round) % tools.length]);
      for (const tool of order) {
        workers[tool].child.send({ render: report });
        const reply = await workers[tool].next();
        times[report][tool].push(reply.ms);
        info[report][tool] = { pdf_bytes: reply.pdf_bytes, pages: reply.pages };
      }
    }
    if ((round + 1) % 5 === 0) log(`interleaved: round ${round + 1}/${n}`);
  }
  const rss = {};
  for (const tool of tools) {
    workers[tool].child.send({ exit: true });
    const reply = await workers[tool].next();
    const tree = workers[tool].sampler.stop();
    rss[tool] = { max_rss_mb: mb(reply.max_rss_kb), tree_peak_rss_mb: mb(tree) };
  }
  const out = {};
  for (const report of reportNames) {
    const t = times[report];
    const perRound = (peer) => t.ours.map((ms, i) => ms / t[peer][i]);
    out[report] = {
      n,
      ...Object.fromEntries(tools.map((tool) => [tool, { warm_ms_median: r1(median(t[tool])), times_ms: t[tool].map(r1), ...info[report][tool], ...rss[tool] }])),
      ratio_chromium_median_of_rounds: r2(median(perRound('chromium'))),
      ratio_typst_median_of_rounds: r2(median(perRound('typst'))),
    };
  }
  return out;
}

// ---- main -----------------------------------------------------------------------------------------------------------
async function main() {
  if (!existsSync(join(repoDir, 'dist/index.js'))) throw new Error('dist/index.js missing: run `npm run build` first (npm run bench does)');
  if (PEERS) ensurePeers();
  const started = new Date();
  const result = {
    kind: 'gov-report-pdf-bench', version: 1, quick: QUICK, started: started.toISOString(),
    command: `node bench/bench.mjs ${argv.join(' ')}`.trim(),
    params: { n: N, warmup: WARMUP, k: K, repeat: REPEAT, large_n: LARGE_N, rows: ROWS, layout: LAYOUT ?? 'gbt9704 (default)', peers: PEERS, peer_rows: PEER_ROWS },
    machine: machine(),
    load: { start: loadavg().map(r2) },
  };

  log(`one-shot fresh processes: ${K} round(s)`);
  result.oneshot = await oneShots();

  log(`ours seed: ${WARMUP} warm-ups + ${N} renders`);
  result.ours_seed = await oursSeries('seed', N, WARMUP, 'seed-ours.pdf');
  log(`  warm median ${result.ours_seed.warm_ms_median} ms`);
  if (!QUICK && LAYOUT === undefined) {
    log(`ours seed, compact layout: ${WARMUP} warm-ups + ${N} renders`);
    result.ours_seed_compact = await oursSeries('seed', N, WARMUP, 'seed-ours-compact.pdf', 'compact');
  }

  if (PEERS) {
    result.chromium = await peerBench('chromium');
    log(`  chromium warm ${result.chromium.warm_ms_median} ms, large ${result.chromium.large?.warm_ms_median} ms`);
    result.typst = await peerBench('typst');
    log(`  typst warm ${result.typst.warm_ms_median} ms, large ${result.typst.large?.warm_ms_median} ms`);
  }

  if (PEERS) {
    log(`interleaved warm series: seed and large, ${N} rounds`);
    result.interleaved = await interleaved(['seed', `large:${REPEAT}`], N);
    log(`  seed ours/chromium/typst ${['ours', 'chromium', 'typst'].map((t) => result.interleaved.seed[t].warm_ms_median).join(' / ')} ms`);
  }

  log(`ours large (表三 ×${REPEAT}): 1 warm-up + ${LARGE_N} renders`);
  result.ours_large = await oursSeries(`large:${REPEAT}`, LARGE_N, QUICK ? 0 : 1, 'large-ours.pdf');
  log(`  warm median ${result.ours_large.warm_ms_median} ms, ${result.ours_large.pages} pages`);

  result.rows = [];
  for (const rows of ROWS) {
    const n = rowsN(rows);
    log(`ours rows:${rows}: 1 warm-up + ${n} renders`);
    const r = await oursSeries(`rows:${rows}`, n, 1, `rows-${rows}-ours.pdf`);
    const entry = { rows, n, ours: r };
    if (PEER_ROWS) {
      for (const peer of ['chromium', 'typst']) {
        log(`${peer} rows:${rows}: 1 warm-up + ${n} renders`);
        entry[peer] = await peerRows(peer, rows, n);
      }
    }
    result.rows.push(entry);
  }
  result.load.end = loadavg().map(r2);
  result.finished = new Date().toISOString();
  result.wall_s = r1((Date.now() - started.getTime()) / 1000);

  result.summary = summarize(result);
  const md = markdown(result);
  writeFileSync(join(OUT, 'latest.md'), md);
  writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(md);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// ---- figures, ratios, targets ---------------------------------------------------------------------------------------
function ratio(a, b) { return a === null || a === undefined || !b ? null : r2(a / b); }

function summarize(res) {
  const o = res.oneshot;
  const ch = res.chromium;
  const ty = res.typst;
  const rows = res.rows.map((e) => ({
    rows: e.rows,
    ours_ms: e.ours.warm_ms_median,
    ours_cpu_ms: e.ours.cpu_ms_median ?? null,
    ours_ms_per_row: r2(e.ours.warm_ms_median / e.rows),
    chromium_ms_per_row: e.chromium ? r2(e.chromium.warm_ms_median / e.rows) : null,
    typst_ms_per_row: e.typst ? r2(e.typst.warm_ms_median / e.rows) : null,
  }));
  rows.forEach((r, i) => {
    if (i === 0) return;
    const before = rows[i - 1];
    r.ours_incremental_ms_per_row = r2((r.ours_ms - before.ours_ms) / (r.rows - before.rows));
    if (r.ours_cpu_ms !== null && before.ours_cpu_ms !== null) r.ours_incremental_cpu_ms_per_row = r2((r.ours_cpu_ms - before.ours_cpu_ms) / (r.rows - before.rows));
  });
  const perRow = rows.map((r) => r.ours_ms_per_row);
  const flat = perRow.length > 1 ? r2(Math.max(...perRow) / Math.min(...perRow)) : null;
  const s = {
    seed_warm_ms: { ours: res.ours_seed.warm_ms_median, chromium: ch?.warm_ms_median ?? null, typst: ty?.warm_ms_median ?? null },
    seed_pdf_bytes: { ours: res.ours_seed.pdf_bytes, chromium: ch?.pdf_bytes ?? null, typst_untagged: ty?.pdf_bytes_untagged ?? null, typst_tagged: ty?.pdf_bytes ?? null },
    seed_pages: { ours: res.ours_seed.pages, chromium: ch?.pages ?? null, typst: ty?.pages ?? null },
    oneshot_wall_ms: { ours_cli: o.ours_cli.wall_ms_median, ours_lib: o.ours_lib.wall_ms_median, chromium: o.chromium?.wall_ms_median ?? null, typst: o.typst?.wall_ms_median ?? null },
    oneshot_cpu_ms: { ours_cli: o.ours_cli.cpu_ms_median, ours_lib: o.ours_lib.cpu_ms_median, chromium: o.chromium?.cpu_ms_median ?? null, typst: o.typst?.cpu_ms_median ?? null },
    large_warm_ms: { ours: res.ours_large.warm_ms_median, chromium: ch?.large?.warm_ms_median ?? null, typst: ty?.large?.warm_ms_median ?? null },
    peak_rss_mb: {
      ours_cli_seed: o.ours_cli.max_rss_mb, ours_warm_seed: res.ours_seed.max_rss_mb, ours_large: res.ours_large.max_rss_mb,
      ours_rows: Object.fromEntries(res.rows.map((e) => [e.rows, e.ours.max_rss_mb])),
    },
    rows,
    rows_ms_per_row_max_over_min: flat,
  };
  const targets = [];
  const t = (id, text, value, ok, alt = undefined) => targets.push({ id, target: text, value, met: ok === null ? null : Boolean(ok), ...(alt ?? {}) });
  const iv = res.interleaved;
  const alt = (report, peer, limit) => {
    const v = iv?.[report]?.[`ratio_${peer}_median_of_rounds`];
    return v === undefined || v === null ? undefined : { interleaved_value: v, interleaved_met: v <= limit };
  };
  const largeKey = `large:${REPEAT}`;
  const rc = ratio(s.seed_warm_ms.ours, s.seed_warm_ms.chromium);
  const rt = ratio(s.seed_warm_ms.ours, s.seed_warm_ms.typst);
  t('seed_warm_vs_chromium', 'seed, warm: ≥5× faster than Chromium (ours÷Chromium ≤ 0.20)', rc, rc === null ? null : rc <= 0.2, alt('seed', 'chromium', 0.2));
  t('seed_warm_vs_typst', 'seed, warm: no slower than Typst, cache cleared (ours÷Typst ≤ 1)', rt, rt === null ? null : rt <= 1, alt('seed', 'typst', 1));
  const bc = ratio(s.seed_pdf_bytes.ours, s.seed_pdf_bytes.chromium);
  const bt = ratio(s.seed_pdf_bytes.ours, s.seed_pdf_bytes.typst_untagged);
  t('seed_bytes_vs_chromium', 'seed PDF: ≤ 1/4 of Chromium\'s bytes (ours÷Chromium ≤ 0.25)', bc, bc === null ? null : bc <= 0.25);
  t('seed_bytes_vs_typst', 'seed PDF: no larger than Typst untagged (ours÷Typst ≤ 1)', bt, bt === null ? null : bt <= 1);
  t('seed_fonts_subset', 'seed PDF: fonts embedded as subsets', res.ours_seed.fonts?.summary ?? null, res.ours_seed.fonts ? res.ours_seed.fonts.all_embedded_subsets : null);
  const oc = ratio(s.oneshot_wall_ms.ours_cli, s.oneshot_wall_ms.chromium);
  const ot = ratio(s.oneshot_wall_ms.ours_cli, s.oneshot_wall_ms.typst);
  t('oneshot_vs_chromium', 'one-shot CLI render, fresh process: no slower than Chromium (ours÷Chromium ≤ 1)', oc, oc === null ? null : oc <= 1);
  t('oneshot_vs_typst', 'one-shot CLI render, fresh process: within 2× of Typst (ours÷Typst ≤ 2)', ot, ot === null ? null : ot <= 2);
  const lc = ratio(s.large_warm_ms.ours, s.large_warm_ms.chromium);
  const lt = ratio(s.large_warm_ms.ours, s.large_warm_ms.typst);
  t('large_warm_vs_chromium', 'large, warm: ≥2× faster than Chromium (ours÷Chromium ≤ 0.5)', lc, lc === null ? null : lc <= 0.5, alt(largeKey, 'chromium', 0.5));
  t('large_warm_vs_typst', 'large, warm: no slower than Typst (ours÷Typst ≤ 1)', lt, lt === null ? null : lt <= 1, alt(largeKey, 'typst', 1));
  t('rows_flat', `time per row flat from ${Math.min(...ROWS)} to ${Math.max(...ROWS)} rows (max÷min ms/row ≤ 1.5)`, flat, flat === null ? null : flat <= 1.5);
  // Issue 16: time per row must not grow with the table: incremental ms/row at the largest table against the one
  // before (wall time, as the issue states it; the CPU columns of the table show the GC threads' share).
  const last = s.rows.at(-1);
  const before = s.rows.at(-2);
  const growth = last?.ours_incremental_ms_per_row && before?.ours_incremental_ms_per_row ? r2(last.ours_incremental_ms_per_row / before.ours_incremental_ms_per_row) : null;
  if (s.rows.length >= 3) {
    t('rows_incremental', `incremental ms/row at ${last.rows} rows ≤ 1.2× that at ${before.rows} (issue 16)`, growth, growth === null ? null : growth <= 1.2);
  }
  const rssSeedLarge = max([o.ours_cli.max_rss_mb, o.ours_lib.max_rss_mb, res.ours_seed.max_rss_mb, res.ours_large.max_rss_mb]);
  t('rss_render_process', 'peak RSS of one render process ≤ 300 MB (seed one-shot, seed warm ×N, large warm ×N)', rssSeedLarge, rssSeedLarge <= 300);
  const rssRows = max(res.rows.map((e) => e.ours.max_rss_mb));
  t('rss_rows_process', 'peak RSS ≤ 300 MB also for the row-scaling processes (largest table)', rssRows, rssRows <= 300);
  s.targets = targets;
  return s;
}

function fmtMs(x) { return x === null || x === undefined ? '–' : x >= 100 ? String(Math.round(x)) : String(r1(x)); }
function fmtBytes(x) { return x === null || x === undefined ? '–' : x.toLocaleString('en-US'); }
function fmtMb(x) { return x === null || x === undefined ? '–' : `${Math.round(x)} MB`; }
function fmtR(x) { return x === null || x === undefined ? '–' : `${x.toFixed(2)}`; }

function markdown(res) {
  const s = res.summary;
  const o = res.oneshot;
  const ch = res.chromium;
  const ty = res.typst;
  const L = [];
  const row = (...cells) => L.push(`| ${cells.join(' | ')} |`);
  const line = (label, ours, c, t, fmt, target = '') => row(label, fmt(ours), fmt(c), fmt(t), fmtR(ratio(ours, c)), fmtR(ratio(ours, t)), target);
  L.push(`## gov-report-pdf side-by-side benchmark — ${res.started}`);
  L.push('');
  L.push(`Machine: ${res.machine.nproc} cores, ${res.machine.cpu_model}, ${res.machine.mem_total_gib} GiB, ${res.machine.os}, node ${res.machine.node}; load average ${res.load.start.join(' / ')} at start, ${res.load.end.join(' / ')} at end. Run took ${res.wall_s} s.`);
  L.push(`Command: \`${res.command}\`. Parameters: ${JSON.stringify(res.params)}.`);
  L.push('');
  L.push('### Seed report and large variant');
  L.push('');
  row('figure', 'ours (gov-report-pdf)', 'Chromium', 'Typst', 'ours ÷ Chromium', 'ours ÷ Typst', 'target');
  row('---', '---:', '---:', '---:', '---:', '---:', '---');
  line(`seed, one-shot \`render\` CLI in a fresh process, wall ms (median of ${o.ours_cli.k}; peers: run-<peer>.mjs one-shot)`,
    o.ours_cli.wall_ms_median, o.chromium?.wall_ms_median, o.typst?.wall_ms_median, fmtMs, '≤ 1 Chromium, ≤ 2 Typst');
  line('seed, one-shot CLI, CPU ms (user+sys, whole process tree)', o.ours_cli.cpu_ms_median, o.chromium?.cpu_ms_median, o.typst?.cpu_ms_median, fmtMs);
  line('seed, one-shot library script (run-ours.mjs), fresh process wall ms', o.ours_lib.wall_ms_median, o.chromium?.wall_ms_median, o.typst?.wall_ms_median, fmtMs);
  line('↳ in that process: import/load of the renderer, ms', o.ours_lib.import_ms_median, o.chromium?.import_ms_median, o.typst?.import_ms_median, fmtMs);
  line('↳ in that process: first render ms (ours: fonts parsed lazily here; Chromium: launch+first; Typst: create+first)',
    o.ours_lib.first_ms_median,
    o.chromium ? r1(o.chromium.cold_in_process_ms_median - o.chromium.import_ms_median) : null,
    o.typst ? r1(o.typst.cold_in_process_ms_median - o.typst.import_ms_median) : null, fmtMs);
  line('seed, cold in the peers\' harness (ours: import + first render; Chromium: launch + first; Typst: module load + create + first)',
    o.ours_lib.cold_in_process_ms_median, ch?.cold_ms, ty ? r1(ty.cold_ms + ty.module_load_ms) : null, fmtMs);
  line(`seed, warm median of ${N} ms (Typst: cache evicted before each)`, s.seed_warm_ms.ours, s.seed_warm_ms.chromium, s.seed_warm_ms.typst, fmtMs, '≤ 0.2 Chromium, ≤ 1 Typst');
  if (res.ours_seed_compact) line(`seed, warm median ms, ours with \`--layout compact\` (12 pt, closer to the peers' 11 pt)`, res.ours_seed_compact.warm_ms_median, ch?.warm_ms_median, ty?.warm_ms_median, fmtMs);
  line('seed PDF bytes (Typst: untagged)', s.seed_pdf_bytes.ours, s.seed_pdf_bytes.chromium, s.seed_pdf_bytes.typst_untagged, fmtBytes, '≤ 0.25 Chromium, ≤ 1 Typst');
  line('seed PDF bytes, Typst tagged (its default)', s.seed_pdf_bytes.ours, null, s.seed_pdf_bytes.typst_tagged, fmtBytes);
  if (res.ours_seed_compact) line('seed PDF bytes, ours compact', res.ours_seed_compact.pdf_bytes, s.seed_pdf_bytes.chromium, s.seed_pdf_bytes.typst_untagged, fmtBytes);
  line('seed pages (ours: gbt9704 16 pt body; peers 11 pt)', s.seed_pages.ours, s.seed_pages.chromium, s.seed_pages.typst, (x) => (x ?? '–'));
  if (res.ours_seed_compact) line('seed pages, ours compact', res.ours_seed_compact.pages, s.seed_pages.chromium, s.seed_pages.typst, (x) => (x ?? '–'));
  row('seed fonts (pdffonts)', res.ours_seed.fonts?.summary ?? '–', ch?.fonts?.summary ?? '–', ty?.fonts?.summary ?? '–', '', '', 'subsets');
  line('seed, peak RSS of the one-shot process (Chromium: sum over its process tree)', o.ours_cli.max_rss_mb, o.chromium?.tree_peak_rss_mb, o.typst?.max_rss_mb, fmtMb, '≤ 300 MB');
  line(`seed, peak RSS of the warm process (ours: ${N + WARMUP + 1} renders; peers: their whole bench incl. large)`, res.ours_seed.max_rss_mb, ch?.tree_peak_rss_mb, ty?.max_rss_mb, fmtMb, '≤ 300 MB');
  line(`large (表三 ×${REPEAT}), first render ms`, res.ours_large.first_ms, ch?.large?.first_ms, ty?.large?.first_ms, fmtMs);
  line(`large, warm median of ${LARGE_N} ms`, s.large_warm_ms.ours, s.large_warm_ms.chromium, s.large_warm_ms.typst, fmtMs, '≤ 0.5 Chromium, ≤ 1 Typst');
  line('large PDF bytes (Typst: untagged)', res.ours_large.pdf_bytes, ch?.large?.pdf_bytes, ty?.large?.pdf_bytes_untagged, fmtBytes);
  line('large PDF bytes, Typst tagged', res.ours_large.pdf_bytes, null, ty?.large?.pdf_bytes, fmtBytes);
  line('large pages', res.ours_large.pages, ch?.large?.pages, ty?.large?.pages, (x) => (x ?? '–'));
  line(`large, peak RSS of the render process (ours: ${LARGE_N + 2} renders; peers: their whole bench)`, res.ours_large.max_rss_mb, ch?.tree_peak_rss_mb, ty?.max_rss_mb, fmtMb, '≤ 300 MB');
  line('large, ours: peak RSS right after the first render (one render in a fresh process)', res.ours_large.max_rss_mb_after_first, null, null, fmtMb, '≤ 300 MB');
  L.push('');
  L.push('### Row scaling: one table, 3 row-header levels, 7 numeric columns (warm median after 1 warm-up)');
  L.push('');
  row('rows', 'renders', 'ours ms', 'ours ms/row', 'ours incremental ms/row', 'ours CPU ms', 'ours incremental CPU ms/row', 'ours pages', 'ours PDF bytes', 'ours peak RSS', 'Chromium ms (ms/row)', 'Typst ms (ms/row)', 'ours ÷ Chromium', 'ours ÷ Typst');
  row('---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:');
  res.rows.forEach((e, i) => {
    const sr = s.rows[i];
    row(e.rows, e.n, fmtMs(e.ours.warm_ms_median), sr.ours_ms_per_row.toFixed(2), sr.ours_incremental_ms_per_row?.toFixed(2) ?? '–',
      sr.ours_cpu_ms === null ? '–' : fmtMs(sr.ours_cpu_ms), sr.ours_incremental_cpu_ms_per_row?.toFixed(2) ?? '–', e.ours.pages, fmtBytes(e.ours.pdf_bytes), fmtMb(e.ours.max_rss_mb),
      e.chromium ? `${fmtMs(e.chromium.warm_ms_median)} (${sr.chromium_ms_per_row.toFixed(2)}), ${e.chromium.pages} p.` : '–',
      e.typst ? `${fmtMs(e.typst.warm_ms_median)} (${sr.typst_ms_per_row.toFixed(2)}), ${e.typst.pages} p.` : '–',
      fmtR(ratio(e.ours.warm_ms_median, e.chromium?.warm_ms_median)), fmtR(ratio(e.ours.warm_ms_median, e.typst?.warm_ms_median)));
  });
  L.push('');
  L.push(`ours ms/row, max ÷ min over the series: ${fmtR(s.rows_ms_per_row_max_over_min)}`);
  L.push('');
  const iv = res.interleaved;
  if (iv) {
    const lk = `large:${REPEAT}`;
    L.push(`### Interleaved warm series (one render process per tool, ${iv.seed.n} rounds, order rotated each round)`);
    L.push('');
    row('figure', 'ours', 'Chromium', 'Typst', 'ours ÷ Chromium (median of per-round ratios)', 'ours ÷ Typst (median of per-round ratios)', 'target');
    row('---', '---:', '---:', '---:', '---:', '---:', '---');
    row('seed, warm median ms', fmtMs(iv.seed.ours.warm_ms_median), fmtMs(iv.seed.chromium.warm_ms_median), fmtMs(iv.seed.typst.warm_ms_median),
      fmtR(iv.seed.ratio_chromium_median_of_rounds), fmtR(iv.seed.ratio_typst_median_of_rounds), '≤ 0.2 Chromium, ≤ 1 Typst');
    row(`large (表三 ×${REPEAT}), warm median ms`, fmtMs(iv[lk].ours.warm_ms_median), fmtMs(iv[lk].chromium.warm_ms_median), fmtMs(iv[lk].typst.warm_ms_median),
      fmtR(iv[lk].ratio_chromium_median_of_rounds), fmtR(iv[lk].ratio_typst_median_of_rounds), '≤ 0.5 Chromium, ≤ 1 Typst');
    row('peak RSS of the worker (Chromium: its process tree) after both series', fmtMb(iv.seed.ours.max_rss_mb), fmtMb(iv.seed.chromium.tree_peak_rss_mb), fmtMb(iv.seed.typst.max_rss_mb), '', '', '');
    L.push('');
  }
  L.push('### Issue-6 targets (from this run)');
  L.push('');
  row('target', 'value (sequential: peers\' own bench.mjs)', 'met', 'value (interleaved)', 'met');
  row('---', '---', '---', '---', '---');
  for (const t of s.targets) {
    row(t.target, t.value ?? '–', t.met === null ? 'n/a' : t.met ? 'yes' : '**no**', t.interleaved_value ?? '', t.interleaved_met === undefined ? '' : t.interleaved_met ? 'yes' : '**no**');
  }
  L.push('');
  return `${L.join('\n')}\n`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
