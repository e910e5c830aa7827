import { dirname, resolve } from 'node:path';
import type { RenderOptions } from '../../api/options.ts';
import { defineCommand } from '../defineCommand.ts';
import { CliFileError, CliUsageError, EXIT_CODES } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { _readJsonFile } from '../_readJsonFile.ts';
import { _issueLine, _say } from '../_text.ts';
import { _fillTotalsArg, _langArg, _previousArg, _reportArg, _strictArg } from './_sharedArgs.ts';

/** `render <report.json> -o <out.pdf>`: renders a report and writes the PDF atomically. */
export const render = defineCommand({
  name: 'render',
  description: { zh: '将报告渲染为 PDF', en: 'render a report to PDF' },
  args: {
    report: _reportArg,
    output: {
      type: 'string',
      short: 'o',
      valueName: 'out.pdf',
      required: true,
      description: { zh: '要写入的 PDF 文件；写入失败时保留原文件', en: 'the PDF to write; a failed write keeps the old file' },
    },
    layout: {
      type: 'string',
      valueName: 'name|preset.json',
      description: {
        zh: '版式：内置名称（如 gbt9704）或预设 JSON 文件；优先于报告中的 layout',
        en: "layout: a built-in name (e.g. gbt9704) or a preset JSON file; overrides the report's layout",
      },
    },
    strict: _strictArg,
    fillTotals: _fillTotalsArg,
    previous: _previousArg,
    lang: _langArg,
    quiet: {
      type: 'boolean',
      short: 'q',
      description: { zh: '只输出错误（不输出警告和结果）', en: 'print errors only (no warnings, no summary)' },
    },
  },
  examples: [
    'render report.json -o report.pdf',
    'render report.json -o report.pdf --strict --previous report-2023.json',
    'render report.json -o report.pdf --layout my-preset.json --lang en',
  ],
  async run({ args, io, api }) {
    const lang = args.lang ?? 'both';
    const target = resolve(io.cwd, args.output);
    if (target === resolve(io.cwd, args.report)) {
      throw new CliUsageError(
        'E_USAGE',
        { zh: `输出文件 ${args.output} 与输入文件相同；请换一个 -o 路径`, en: `the output ${args.output} is the input file; choose another -o path` },
        'render',
      );
    }
    const input = await _readJsonFile(io, args.report);
    const options: RenderOptions = {
      strict: args.strict,
      fillTotals: args.fillTotals,
      ...(args.layout === undefined ? {} : { layout: await readLayout(io, args.layout) }),
      ...(args.previous === undefined ? {} : { previousYear: await _readJsonFile(io, args.previous) }),
    };
    const result = await (await api()).renderReport(input, options);
    if (!args.quiet) for (const warning of result.warnings) io.stderr(_issueLine(warning, lang));
    try {
      // Like `-o` of most tools: the folder is created if it does not exist yet.
      await io.mkdir(dirname(target));
      await io.writeFileAtomic(target, result.pdf);
    } catch (error) {
      throw new CliFileError('E_WRITE_FILE', args.output, error);
    }
    if (!args.quiet) io.stdout(_say(summary(args.output, result.pageCount, result.warnings.length), lang));
    return EXIT_CODES.ok;
  },
});

/** A preset is a file when it looks like a path; otherwise it is a built-in name. */
async function readLayout(io: CliIo, value: string): Promise<string | Record<string, unknown>> {
  if (!/\.json$|[/\\]/iu.test(value)) return value;
  const preset = await _readJsonFile(io, value);
  if (typeof preset === 'object' && preset !== null && !Array.isArray(preset)) return preset as Record<string, unknown>;
  throw new CliUsageError(
    'E_INVALID_VALUE',
    { zh: `--layout 文件 ${value} 的内容须是 JSON 对象`, en: `the --layout file ${value} must hold a JSON object` },
    'render',
  );
}

function summary(path: string, pages: number, warnings: number) {
  return {
    zh: `已写入 ${path}（${pages} 页${warnings > 0 ? `，${warnings} 条警告` : ''}）`,
    en: `wrote ${path} (${pages} page${pages === 1 ? '' : 's'}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''})`,
  };
}
