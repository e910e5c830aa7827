import { dirname, join, resolve } from 'node:path';
import type { RenderOptions, RenderResult } from '../../api/options.ts';
import { defineCommand } from '../defineCommand.ts';
import { CliFileError, CliUsageError, EXIT_CODES } from '../errors.ts';
import type { CliIo } from '../io.ts';
import type { LayoutPresetInput, LayoutPresetName } from '../../schema/layoutPreset/layoutPreset.ts';
import { _describeError } from '../_describeError.ts';
import { _jsonFailure } from '../_jsonOutcome.ts';
import { _explainInvalidJson, _inputName, _readInputText, _readJsonFile, _STDIO_PATH } from '../_readJsonFile.ts';
import { _issueLine, _say } from '../_text.ts';
import { _fillTotalsArg, _jsonArg, _langArg, _layoutArg, _pdfaArg, _previousArg, _quietArg, _reportArg, _strictArg } from './_sharedArgs.ts';

/** `render <report.json|-> -o <out.pdf|->`: renders a report and writes the PDF atomically, or to standard output. */
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
      description: {
        zh: '要写入的 PDF 文件（写入失败时保留原文件）；- 表示写到标准输出',
        en: 'the PDF to write (a failed write keeps the old file); - writes it to standard output',
      },
    },
    layout: _layoutArg,
    strict: _strictArg,
    fillTotals: _fillTotalsArg,
    previous: _previousArg,
    pdfa: _pdfaArg,
    lang: _langArg,
    quiet: _quietArg,
    json: _jsonArg,
  },
  examples: [
    'render report.json -o report.pdf',
    'render report.json -o report.pdf --strict --previous report-2023.json',
    'render report.json -o report.pdf --layout my-preset.json --lang en',
    'render - -o - --json < report.json > report.pdf 2> problems.json',
    'render report.json -o report.pdf --pdfa 2b',
  ],
  async run({ args, io, api }) {
    const lang = args.lang ?? 'both';
    const toStdout = args.output === _STDIO_PATH;
    // With the PDF on standard output, every message (and the --json document) goes to standard error.
    const say = toStdout ? io.stderr : io.stdout;
    const target = resolve(io.cwd, args.output);
    if (!toStdout && args.report !== _STDIO_PATH && target === resolve(io.cwd, args.report)) {
      throw new CliUsageError(
        'E_USAGE',
        { zh: `输出文件 ${args.output} 与输入文件相同；请换一个 -o 路径`, en: `the output ${args.output} is the input file; choose another -o path` },
        'render',
      );
    }
    let result: RenderResult;
    try {
      // Refused before the render rather than after it (the write would fail with EISDIR).
      if (!toStdout && (await io.isDirectory(target))) {
        throw new CliUsageError(
          'E_INVALID_VALUE',
          {
            zh: `-o ${args.output} 是一个文件夹；请给出 PDF 的文件名，如 ${join(args.output, 'report.pdf')}`,
            en: `-o ${args.output} is a folder; give the PDF's file name, such as ${join(args.output, 'report.pdf')}`,
          },
          'render',
        );
      }
      const text = await _readInputText(io, args.report);
      const options: RenderOptions = {
        strict: args.strict,
        fillTotals: args.fillTotals,
        ...(args.layout === undefined ? {} : { layout: await _readLayout(io, args.layout, 'render') }),
        ...(args.previous === undefined ? {} : { previousYear: await _readJsonFile(io, args.previous) }),
        ...(args.pdfa === undefined ? {} : { pdfa: args.pdfa }),
      };
      const library = await api();
      result = await library.renderReport(text, options).catch((error: unknown) => {
        throw _explainInvalidJson(error, text, _inputName(args.report));
      });
      if (!args.quiet && !args.json) for (const warning of result.warnings) io.stderr(_issueLine(warning, lang));
      try {
        if (toStdout) await io.writeStdout(result.pdf);
        else {
          // Like `-o` of most tools: the folder is created if it does not exist yet.
          await io.mkdir(dirname(target));
          // Temp files a killed run left there (of processes no longer running) go first.
          await io.removeStaleTempFiles(dirname(target));
          await io.writeFileAtomic(target, result.pdf);
        }
      } catch (error) {
        throw new CliFileError('E_WRITE_FILE', args.output, error);
      }
    } catch (error) {
      if (!args.json) throw error;
      say(JSON.stringify(_jsonFailure(error)));
      return _describeError(error, lang, false).exitCode;
    }
    if (args.json) {
      say(JSON.stringify({ ok: true, output: args.output, pages: result.pageCount, bytes: result.pdf.byteLength, issues: result.warnings }));
    } else if (!args.quiet) say(_say(summary(toStdout ? '<stdout>' : args.output, result.pageCount, result.warnings.length), lang));
    return EXIT_CODES.ok;
  },
});

/**
 * @internal A `--layout` value: a file when it looks like a path, otherwise a built-in name.
 *
 * @param io The io.
 * @param value The value as given.
 * @param command The command, for the usage error.
 * @returns The name or the preset object.
 */
export async function _readLayout(io: CliIo, value: string, command: string): Promise<NonNullable<RenderOptions['layout']>> {
  // Both are checked by the library (resolvePreset), whose error lists the built-in names or the preset's bad paths.
  if (!/\.json$|[/\\]/iu.test(value)) return value as LayoutPresetName;
  const preset = await _readJsonFile(io, value);
  if (typeof preset === 'object' && preset !== null && !Array.isArray(preset)) return preset as LayoutPresetInput;
  throw new CliUsageError(
    'E_INVALID_VALUE',
    { zh: `--layout 文件 ${value} 的内容须是 JSON 对象`, en: `the --layout file ${value} must hold a JSON object` },
    command,
  );
}

function summary(path: string, pages: number, warnings: number) {
  return {
    zh: `已写入 ${path}（${pages} 页${warnings > 0 ? `，${warnings} 条警告` : ''}）`,
    en: `wrote ${path} (${pages} page${pages === 1 ? '' : 's'}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''})`,
  };
}
