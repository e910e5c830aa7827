import { isUtf8 } from 'node:buffer';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { RenderOptions, RenderResult } from '../../api/options.ts';
import { GovReportError } from '../../errors/errors.ts';
import { formatIssue } from '../../issues/createIssue.ts';
import type { BilingualText, ReportIssue } from '../../issues/issue.ts';
import type { CliRenderPool } from '../api.ts';
import { defineCommand } from '../defineCommand.ts';
import { CliError, CliFileError, CliUsageError, EXIT_CODES } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { _describeError } from '../_describeError.ts';
import { _decodeUtf8, _explainInvalidJson, _readInputBytes, _readJsonFile } from '../_readJsonFile.ts';
import { _say, type _Lang } from '../_text.ts';
import { _readLayout } from './render.ts';
import { _fillTotalsArg, _langArg, _layoutArg, _pdfaArg, _previousArg, _quietArg, _strictArg } from './_sharedArgs.ts';

/** One line of the JSON-lines summary `batch` prints to standard output. */
export interface BatchRecord {
  /** The input file, as given relative to the working directory. */
  readonly file: string;
  /** Whether a PDF was written. */
  readonly ok: boolean;
  /** The PDF written (or that would have been). */
  readonly output: string;
  /** Pages of the PDF. */
  readonly pages?: number;
  /** Bytes of the PDF. */
  readonly bytes?: number;
  /** Milliseconds the render took on its worker (reading, waiting and writing not counted). */
  readonly ms?: number;
  /** Warnings (rendered) or errors (refused), one line each: `path: 中文 / English`. */
  readonly problems: readonly string[];
  /** The same problems as the API's issue objects (code, severity, path, pathText, message, expected). */
  readonly issues: readonly ReportIssue[];
  /** The error code when it failed (`E_INVALID_REPORT`, `E_INVALID_JSON`, `E_WRITE_FILE`, …). */
  readonly code?: string;
  /** What failed, in both languages (e.g. `cannot write out/a.pdf: the file system is read-only`). */
  readonly message?: BilingualText;
}

/** `batch <dir|glob> -o <outdir>`: renders many reports on a pool of worker threads, streaming them. */
export const batch = defineCommand({
  name: 'batch',
  description: { zh: '并行渲染多份报告', en: 'render many reports in parallel' },
  args: {
    inputs: {
      type: 'positional',
      valueName: 'dir|glob',
      required: true,
      description: {
        zh: '报告所在文件夹，或通配符如 "reports/**/*-{2023,2024}.json"（支持 **、{a,b}、[ab]）',
        en: 'a folder of reports, or a pattern such as "reports/**/*-{2023,2024}.json" (**, {a,b}, [ab])',
      },
    },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'outdir',
      required: true,
      description: { zh: 'PDF 输出文件夹（子文件夹结构与输入相同）', en: 'folder to write the PDFs to (sub-folders mirror the inputs)' },
    },
    jobs: { type: 'string', short: 'j', valueName: 'N', description: { zh: '并行的工作线程数（默认为 CPU 核数）', en: 'worker threads (default: the number of cores)' } },
    timeout: { type: 'string', valueName: 'ms', description: { zh: '单份报告的渲染时限（毫秒，默认 60000）', en: 'time budget per report in ms (default 60000)' } },
    layout: _layoutArg,
    strict: _strictArg,
    fillTotals: _fillTotalsArg,
    previous: {
      ..._previousArg,
      description: { zh: '上一年度的报告，用于核对每份报告的上年结转数', en: "last year's report, to check the numbers each report carries forward" },
    },
    pdfa: _pdfaArg,
    lang: _langArg,
    quiet: { ..._quietArg, description: { zh: '标准错误只输出错误（JSON 行照常输出）', en: 'print only errors on standard error (the JSON lines still go to stdout)' } },
  },
  examples: ['batch reports/ -o pdf/', 'batch "reports/**/*-2024.json" -o pdf/ --jobs 4 --strict', 'batch reports/ -o pdf/ --layout my-preset.json -q', 'batch reports/ -o archive/ --pdfa 2b'],
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
    if (args.output === '-') {
      throw new CliUsageError('E_INVALID_VALUE', { zh: 'batch 写出一个文件夹的 PDF，-o 不能是 -（标准输出）', en: 'batch writes a folder of PDFs; -o cannot be - (standard output)' }, 'batch');
    }
    const files = await listInputs(io, args.inputs);
    if (files.length === 0) {
      throw new CliUsageError('E_USAGE', { zh: `${args.inputs} 中没有 .json 文件`, en: `no .json files in ${args.inputs}` }, 'batch');
    }
    const outDir = resolve(io.cwd, args.output);
    await prepareOutputFolder(io, outDir, args.output);
    const outputs = outputPaths(io, files, outDir);
    for (const folder of new Set(outputs.map((output) => dirname(output)))) {
      const removed = await io.removeStaleTempFiles(folder);
      if (removed.length > 0 && !args.quiet) {
        io.stderr(`! ${_say({ zh: `已删除上次中断留下的 ${removed.length} 个临时文件（${folder}）`, en: `removed ${removed.length} temp file(s) an interrupted run left in ${folder}` }, lang)}`);
      }
    }
    const options: RenderOptions = {
      strict: args.strict,
      fillTotals: args.fillTotals,
      ...(args.layout === undefined ? {} : { layout: await _readLayout(io, args.layout, 'batch') }),
      ...(args.previous === undefined ? {} : { previousYear: await _readJsonFile(io, args.previous) }),
      ...(args.pdfa === undefined ? {} : { pdfa: args.pdfa }),
    };
    const workers = Math.min(jobs, files.length);
    const pool = (await api()).createRenderPool({ workers, timeoutMs });
    let done = 0;
    let failed = 0;
    let worstExit: number = EXIT_CODES.ok;
    let next = 0;
    const started = Date.now();
    // One runner per worker pulls the next file when it has written the last: at most `workers`
    // reports are read, rendered or written at any time however many files there are, and a render
    // starts on a free worker at once, so its `ms` is render time, never time in a queue.
    const runner = async () => {
      while (next < files.length) {
        const index = next++;
        // Named as the user named -o: `pdf/a.pdf` for `-o pdf`, absolute for an absolute -o.
        const outputName = join(args.output, relative(outDir, outputs[index]!));
        const { record, exitCode } = await renderOne(io, pool, files[index]!, outputs[index]!, outputName, options, lang);
        done += 1;
        if (!record.ok) failed += 1;
        worstExit = Math.max(worstExit, exitCode);
        io.stdout(JSON.stringify(record));
        if (args.quiet) {
          if (!record.ok) io.stderr(`× ${record.file} ${record.code ?? ''}`);
        } else if (io.isTTY) io.progress(progressBar(done, failed, files.length));
        else io.stderr(`${record.ok ? '✓' : '×'} [${done}/${files.length}] ${record.file}${record.ok ? ` → ${record.output} (${record.pages} p, ${record.ms} ms)` : ` ${record.code ?? ''}`}`);
      }
    };
    try {
      await Promise.all(Array.from({ length: workers }, runner));
    } finally {
      await pool.close();
    }
    if (io.isTTY && !args.quiet) io.progress('');
    const seconds = (Date.now() - started) / 1000;
    if (!args.quiet) {
      io.stderr(_say({
        zh: `共 ${files.length} 份：成功 ${files.length - failed}，失败 ${failed}；用时 ${seconds.toFixed(1)} 秒（${(files.length / seconds).toFixed(1)} 份/秒，${workers} 个线程）`,
        en: `${files.length} reports: ${files.length - failed} rendered, ${failed} failed in ${seconds.toFixed(1)} s (${(files.length / seconds).toFixed(1)} reports/s on ${workers} threads)`,
      }, lang));
    }
    // 1 when reports were refused; 3 when something that is not the reports' fault failed (a full disk).
    return worstExit === EXIT_CODES.failure ? EXIT_CODES.failure : failed > 0 ? EXIT_CODES.refused : EXIT_CODES.ok;
  },
});

async function renderOne(
  io: CliIo,
  pool: CliRenderPool,
  file: string,
  output: string,
  outputName: string,
  options: RenderOptions,
  lang: _Lang,
): Promise<{ record: BatchRecord; exitCode: number }> {
  let bytes: Uint8Array | undefined;
  let ms: number | undefined;
  try {
    bytes = await _readInputBytes(io, file);
    // The worker parses the bytes; only a file that is not UTF-8 is decoded here, to say where.
    if (!isUtf8(bytes)) _decodeUtf8(bytes, file);
    const started = Date.now();
    let result: RenderResult;
    try {
      result = await pool.render(bytes, options);
    } catch (error) {
      throw _explainInvalidJson(error, new TextDecoder().decode(bytes), file);
    }
    ms = Date.now() - started;
    bytes = undefined;
    try {
      await io.mkdir(dirname(output));
      await io.writeFileAtomic(output, result.pdf);
    } catch (error) {
      throw new CliFileError('E_WRITE_FILE', outputName, error);
    }
    const record: BatchRecord = {
      file,
      ok: true,
      output: outputName,
      pages: result.pageCount,
      bytes: result.pdf.byteLength,
      ms,
      problems: result.warnings.map((warning) => formatIssue(warning, lang)),
      issues: result.warnings,
    };
    return { record, exitCode: EXIT_CODES.ok };
  } catch (error) {
    const { exitCode } = _describeError(error, lang, false);
    const named = error instanceof GovReportError || error instanceof CliError;
    const issues = error instanceof GovReportError ? error.issues : [];
    const message: BilingualText = named ? error.bilingual : bugMessage(error);
    const record: BatchRecord = {
      file,
      ok: false,
      output: outputName,
      ...(ms === undefined ? {} : { ms }),
      problems: issues.length > 0 ? issues.map((issue) => formatIssue(issue, lang)) : [_say(message, lang)],
      issues,
      code: named ? error.code : 'E_UNEXPECTED',
      message,
    };
    return { record, exitCode };
  }
}

function bugMessage(error: unknown): BilingualText {
  const text = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : String(error);
  return { zh: `意外错误：${text}`, en: `unexpected error: ${text}` };
}

/** `-o` must be a folder (created if missing); an existing file there is a usage error, not a crash. */
async function prepareOutputFolder(io: CliIo, outDir: string, given: string): Promise<void> {
  if ((await io.exists(outDir)) && !(await io.isDirectory(outDir))) {
    throw new CliUsageError(
      'E_INVALID_VALUE',
      { zh: `-o 须是文件夹，而 ${given} 是一个文件；请换一个路径`, en: `-o must be a folder, but ${given} is a file; choose another path` },
      'batch',
    );
  }
  try {
    await io.mkdir(outDir);
  } catch (error) {
    throw new CliFileError('E_WRITE_FILE', given, error);
  }
}

/**
 * Where each PDF goes: under the output folder, at the input's place relative to the folder all
 * inputs share (so `a/x.json` and `b/x.json` of one pattern do not overwrite each other).
 */
function outputPaths(io: CliIo, files: readonly string[], outDir: string): string[] {
  const folders = files.map((file) => dirname(resolve(io.cwd, file)));
  let base = folders[0]!;
  for (const folder of folders) {
    while (folder !== base && !folder.startsWith(base.endsWith(sep) ? base : `${base}${sep}`)) base = dirname(base);
  }
  return files.map((file, index) => join(outDir, relative(base, folders[index]!), `${basename(file).replace(/\.json$/iu, '')}.pdf`));
}

/**
 * A folder (its .json files), a glob pattern (tinyglobby: `**`, `{a,b}`, `[ab]`), or one file; sorted by name.
 *
 * @param io The io.
 * @param pattern The folder, pattern or file as the user wrote it.
 * @returns The input paths.
 */
export async function listInputs(io: CliIo, pattern: string): Promise<string[]> {
  const absolute = resolve(io.cwd, pattern);
  if (await io.isDirectory(absolute)) {
    return (await io.readdir(absolute)).filter((name) => /\.json$/iu.test(name)).sort().map((name) => join(pattern, name));
  }
  // tinyglobby (with picomatch and fdir) is loaded only by a batch run, not at every CLI start.
  const { isDynamicPattern } = await import('tinyglobby');
  if (!isDynamicPattern(pattern)) return [pattern];
  return (await io.glob(pattern)).sort();
}

function progressBar(done: number, failed: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${failed > 0 ? ` (${failed} failed)` : ''}`;
}
