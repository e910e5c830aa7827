import { describe, expect, test } from 'vitest';
import { render } from '../../src/cli/commands/render.ts';
import { CliUsageError } from '../../src/cli/errors.ts';
import { runCli } from '../../src/cli/runCli.ts';
import { _parseArgs } from '../../src/cli/_parseArgs.ts';
import { createFakeApi, createFakeIo, REPORT_JSON } from './_fakes.ts';

/** Runs the CLI and returns the exit code and the whole of standard error. */
async function run(argv: string[]) {
  const io = createFakeIo({ 'report.json': REPORT_JSON });
  const api = createFakeApi();
  const code = await runCli(argv, io, api);
  return { code, err: io.err.join('\n'), out: io.out.join('\n'), api };
}

describe('usage errors exit 2 with a stable code, both languages and the allowed values', () => {
  test('no command', async () => {
    const { code, err } = await run([]);
    expect(code).toBe(2);
    expect(err).toContain('(E_NO_COMMAND)');
    expect(err).toContain('请指定命令：render、check、batch、init、schema');
    expect(err).toContain('expected one of: render, check, batch, init, schema');
  });

  test('unknown command, with a suggestion', async () => {
    const { code, err } = await run(['rendr', 'report.json']);
    expect(code).toBe(2);
    expect(err).toContain('(E_UNKNOWN_COMMAND)');
    expect(err).toContain('未知命令 “rendr”（是否想输入 render？）');
    expect(err).toContain('unknown command "rendr" (did you mean render?); expected one of: render, check, batch, init, schema');
    expect(err).toContain('run gov-report-pdf --help for usage');
  });

  test('unknown command option, with a suggestion and the usage line', async () => {
    const { code, err, api } = await run(['render', 'report.json', '-o', 'a.pdf', '--stirct']);
    expect(code).toBe(2);
    expect(err).toContain('(E_UNKNOWN_OPTION)');
    expect(err).toContain('render has no option --stirct (did you mean --strict?)');
    expect(err).toContain('-o/--output, --layout, --strict, --fill-totals, --previous, --pdfa, --lang, -q/--quiet, --json, -h/--help');
    expect(err).toContain('usage: gov-report-pdf render <report.json> -o <out.pdf> [options]');
    expect(api.renderReport).not.toHaveBeenCalled();
  });

  test('unknown option before the command', async () => {
    const { code, err } = await run(['--frobnicate']);
    expect(code).toBe(2);
    expect(err).toContain('(E_UNKNOWN_OPTION)');
    expect(err).toContain('-h/--help, -v/--version and --debug');
  });

  test('missing -o', async () => {
    const { code, err } = await run(['render', 'report.json']);
    expect(code).toBe(2);
    expect(err).toContain('(E_MISSING_ARGUMENT)');
    expect(err).toContain('render 缺少 -o/--output <out.pdf>');
    expect(err).toContain('render needs -o/--output <out.pdf>');
  });

  test('missing report file argument', async () => {
    const { code, err } = await run(['check']);
    expect(code).toBe(2);
    expect(err).toContain('check needs <report.json>');
  });

  test('-o with no value, or followed by another option', async () => {
    for (const argv of [['render', 'report.json', '-o'], ['render', 'report.json', '-o', '--strict']]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toContain('(E_MISSING_VALUE)');
      expect(err).toContain('-o/--output needs a value <out.pdf>');
    }
  });

  test('bad --lang value lists the allowed values', async () => {
    const { code, err } = await run(['render', 'report.json', '-o', 'a.pdf', '--lang', 'fr']);
    expect(code).toBe(2);
    expect(err).toContain('(E_INVALID_VALUE)');
    expect(err).toContain('--lang 的值 “fr” 无效；可选值：zh、en');
    expect(err).toContain('invalid value "fr" for --lang; expected one of: zh, en');
  });

  test('a value given to a flag', async () => {
    const { code, err } = await run(['check', 'report.json', '--strict=yes']);
    expect(code).toBe(2);
    expect(err).toContain('--strict takes no value (got "yes")');
  });

  test('an extra positional argument', async () => {
    const { code, err } = await run(['check', 'report.json', 'other.json']);
    expect(code).toBe(2);
    expect(err).toContain('(E_UNEXPECTED_ARGUMENT)');
    expect(err).toContain('"other.json"');
  });

  test('the output would overwrite the input', async () => {
    const { code, err, api } = await run(['render', 'report.json', '-o', './report.json']);
    expect(code).toBe(2);
    expect(err).toContain('(E_USAGE)');
    expect(api.renderReport).not.toHaveBeenCalled();
  });

  test('a file that does not exist', async () => {
    const { code, err } = await run(['check', 'missing.json']);
    expect(code).toBe(2);
    expect(err).toContain('无法读取 missing.json：文件或文件夹不存在 / cannot read missing.json: no such file or folder (E_READ_FILE)');
  });
});

describe('_parseArgs', () => {
  test('returns typed values; flags default to false; -o=, --output= and -oX forms work', () => {
    for (const output of [['-o', 'a.pdf'], ['--output=a.pdf'], ['-oa.pdf'], ['--output', 'a.pdf']]) {
      const { args, help } = _parseArgs(render, ['report.json', ...output, '--fill-totals']);
      expect(help).toBe(false);
      expect(args).toEqual({
        report: 'report.json',
        output: 'a.pdf',
        fillTotals: true,
        strict: false,
        quiet: false,
        json: false,
        layout: undefined,
        previous: undefined,
        lang: undefined,
      });
    }
  });

  test('a file name starting with a dash goes after --', () => {
    expect(_parseArgs(render, ['-o', 'a.pdf', '--', '-weird.json']).args.report).toBe('-weird.json');
  });

  test('throws CliUsageError with the command name', () => {
    try {
      _parseArgs(render, ['report.json']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliUsageError);
      expect(error).toMatchObject({ code: 'E_MISSING_ARGUMENT', command: 'render', exitCode: 2, name: 'CliUsageError' });
    }
  });
});
