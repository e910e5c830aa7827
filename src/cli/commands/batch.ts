import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { RenderOptions } from '../../api/options.ts';
import { GovReportError } from '../../errors/errors.ts';
import { formatIssue } from '../../issues/createIssue.ts';
import type { CliRenderPool } from '../api.ts';
import { defineCommand } from '../defineCommand.ts';
import { CliUsageError, EXIT_CODES } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { _readJsonFile } from '../_readJsonFile.ts';
import { _say } from '../_text.ts';
import { _fillTotalsArg, _langArg, _strictArg } from './_sharedArgs.ts';

/** One line of the JSON-lines summary `batch` prints to standard output. */
export interface BatchRecord {
  /** The input file, as given relative to the working directory. */
  readonly file: string;
  /** Whether a PDF was written. */
  readonly ok: boolean;
  /** The PDF written. */
  readonly output?: string;
  /** Pages of the PDF. */
  readonly pages?: number;
  /** Bytes of the PDF. */
  readonly bytes?: number;
  /** Milliseconds from reading the file to writing the PDF. */
  readonly ms: number;
  /** Warnings (rendered) or errors (refused), one line each: `path: 中文 / English`. */
  readonly problems: readonly string[];
  /** The error code when refused. */
  readonly code?: string;
}

/** `batch <dir|glob> -o <outdir>`: renders many reports on a pool of worker threads. */
export const batch = defineCommand({
  name: 'batch',
  description: { zh: '并行渲染多份报告', en: 'render many reports in parallel' },
  args: {
    inputs: {
      type: 'positional',
      valueName: 'dir|glob',
      required: true,
      description: { zh: '报告所在文件夹，或如 reports/*.json 的通配符', en: 'a folder of reports, or a pattern such as reports/*.json' },
    },
    output: { type: 'string', short: 'o', valueName: 'outdir', required: true, description: { zh: 'PDF 输出文件夹', en: 'folder to write the PDFs to' } },
    jobs: { type: 'string', short: 'j', valueName: 'N', description: { zh: '并行的工作线程数（默认为 CPU 核数）', en: 'worker threads (default: the number of cores)' } },
    timeout: { type: 'string', valueName: 'ms', description: { zh: '单份报告的渲染时限（毫秒，默认 60000）', en: 'time budget per report in ms (default 60000)' } },
    layout: { type: 'string', valueName: 'name', description: { zh: '内置版式名称', en: 'a built-in layout name' } },
    strict: _strictArg,
    fillTotals: _fillTotalsArg,
    lang: _langArg,
  },
  examples: ['batch reports/ -o pdf/', 'batch "reports/*-2024.json" -o pdf/ --jobs 4 --strict'],
  async run({ args, io, api }) {
    const lang = args.lang ?? 'both';
    const jobs = args.jobs === undefined ? availableParallelism() : Number(args.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) {
      throw new CliUsageError('E_INVALID_VALUE', { zh: `--jobs 须为 1 到 256 的整数，实际为 ${args.jobs}`, en: `--jobs must be a whole number from 1 to 256, got ${args.jobs}` }, 'batch');
    }
    const timeoutMs = args.timeout === undefined ? 60_000 : Number(args.timeout);
    if (!(timeoutMs > 0)) {
      throw new CliUsageError('E_INVALID_VALUE', { zh: `--timeout 须为正数，实际为 ${args.timeout}`, en: `--timeout must be a positive number, got ${args.timeout}` }, 'batch');
    }
    const files = await listInputs(io, args.inputs);
    if (files.length === 0) {
      throw new CliUsageError('E_USAGE', { zh: `${args.inputs} 中没有 .json 文件`, en: `no .json files in ${args.inputs}` }, 'batch');
    }
    const outDir = resolve(io.cwd, args.output);
    await io.mkdir(outDir);
    const options: RenderOptions = { strict: args.strict, fillTotals: args.fillTotals, ...(args.layout === undefined ? {} : { layout: args.layout }) };
    const pool = (await api()).createRenderPool({ workers: Math.min(jobs, files.length), timeoutMs });
    let done = 0;
    let failed = 0;
    const started = Date.now();
    try {
      await Promise.all(
        files.map(async (file) => {
          const record = await renderOne(io, pool, file, outDir, options, lang);
          done += 1;
          if (!record.ok) failed += 1;
          io.stdout(JSON.stringify(record));
          if (io.isTTY) io.progress(progressBar(done, failed, files.length));
          else io.stderr(`${record.ok ? '✓' : '×'} [${done}/${files.length}] ${record.file}${record.ok ? ` → ${record.output} (${record.pages} p, ${record.ms} ms)` : ` ${record.code ?? ''}`}`);
        }),
      );
    } finally {
      await pool.close();
    }
    if (io.isTTY) io.progress('');
    const seconds = (Date.now() - started) / 1000;
    io.stderr(_say({
      zh: `共 ${files.length} 份：成功 ${files.length - failed}，失败 ${failed}；用时 ${seconds.toFixed(1)} 秒（${(files.length / seconds).toFixed(1)} 份/秒，${jobs} 个线程）`,
      en: `${files.length} reports: ${files.length - failed} rendered, ${failed} failed in ${seconds.toFixed(1)} s (${(files.length / seconds).toFixed(1)} reports/s on ${jobs} threads)`,
    }, lang));
    return failed > 0 ? EXIT_CODES.refused : EXIT_CODES.ok;
  },
});

async function renderOne(io: CliIo, pool: CliRenderPool, file: string, outDir: string, options: RenderOptions, lang: 'zh' | 'en' | 'both'): Promise<BatchRecord> {
  const started = Date.now();
  const output = join(outDir, `${basename(file, '.json')}.pdf`);
  try {
    const input = await _readJsonFile(io, file);
    const result = await pool.render(input, options);
    await io.writeFileAtomic(output, result.pdf);
    return { file, ok: true, output, pages: result.pageCount, bytes: result.pdf.byteLength, ms: Date.now() - started, problems: result.warnings.map((w) => formatIssue(w, lang)) };
  } catch (error) {
    const problems = error instanceof GovReportError && error.issues.length > 0 ? error.issues.map((issue) => formatIssue(issue, lang)) : [error instanceof Error ? error.message.split('\n')[0]! : String(error)];
    const code = (error as { code?: unknown }).code;
    return { file, ok: false, ms: Date.now() - started, problems, ...(typeof code === 'string' ? { code } : {}) };
  }
}

/** Expands a folder (its .json files) or a pattern whose last part holds `*` or `?`, sorted by name. */
async function listInputs(io: CliIo, pattern: string): Promise<string[]> {
  const absolute = resolve(io.cwd, pattern);
  if (await io.isDirectory(absolute)) {
    return (await io.readdir(absolute)).filter((name) => name.endsWith('.json')).sort().map((name) => join(pattern, name));
  }
  const name = basename(pattern);
  if (!/[*?]/u.test(name)) return [pattern];
  const matcher = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/gu, '\\$&').replace(/\*/gu, '.*').replace(/\?/gu, '.')}$`, 'u');
  const folder = dirname(pattern);
  const names = await io.readdir(resolve(io.cwd, folder)).catch(() => [] as string[]);
  return names.filter((entry) => matcher.test(entry)).sort().map((entry) => join(folder, entry));
}

function progressBar(done: number, failed: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${failed > 0 ? ` (${failed} failed)` : ''}`;
}
