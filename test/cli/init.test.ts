import { describe, expect, test } from 'vitest';
import { loadLibraryApi } from '../../src/cli/api.ts';
import { runCli } from '../../src/cli/runCli.ts';
import { createFakeApi, createFakeIo, readText } from './_fakes.ts';

describe('init', () => {
  test('without -o prints the skeleton to stdout', async () => {
    const io = createFakeIo();
    const api = createFakeApi();
    expect(await runCli(['init', '--form', '2021', '--year', '2024'], io, api)).toBe(0);
    expect(api.createFormSkeleton).toHaveBeenCalledWith('2021', 2024);
    expect(JSON.parse(io.out.join('\n'))).toEqual({ form: '2021', meta: { year: 2024 } });
    expect(io.err).toEqual([]);
  });

  test('-o writes the file and says what to do next', async () => {
    const io = createFakeIo();
    expect(await runCli(['init', '--form', '2019', '-o', 'r.json'], io, createFakeApi())).toBe(0);
    expect(JSON.parse(readText(io, 'r.json')!)).toEqual({ form: '2019', meta: { year: 2020 } });
    expect(io.out[0]).toContain('run gov-report-pdf check r.json');
  });

  test('the default year of the 2021 form is last year', async () => {
    const io = createFakeIo();
    const api = createFakeApi();
    await runCli(['init', '--form', '2021'], io, api);
    expect(api.createFormSkeleton).toHaveBeenCalledWith('2021', 2024);
  });

  test('refuses to overwrite without --force (exit 2), overwrites with it', async () => {
    const io = createFakeIo({ 'r.json': '{"mine":true}' });
    expect(await runCli(['init', '--form', '2021', '-o', 'r.json'], io, createFakeApi())).toBe(2);
    expect(io.err[0]).toBe('× r.json 已存在；如需覆盖请加 --force / r.json already exists; add --force to overwrite it (E_FILE_EXISTS)');
    expect(readText(io, 'r.json')).toBe('{"mine":true}');
    expect(await runCli(['init', '--form', '2021', '-o', 'r.json', '--force'], io, createFakeApi())).toBe(0);
    expect(readText(io, 'r.json')).toContain('"form": "2021"');
  });

  test('warns when the year does not match the form version', async () => {
    const io = createFakeIo();
    expect(await runCli(['init', '--form', '2019', '--year', '2023'], io, createFakeApi())).toBe(0);
    expect(io.err).toEqual(['! 2023 年度通常使用 2021 版表格 / the 2023 report normally uses the 2021 form']);
  });

  test.each([['24'], ['2024a'], ['1800']])('--year %s is a usage error', async (year) => {
    const io = createFakeIo();
    expect(await runCli(['init', '--form', '2021', '--year', year], io, createFakeApi())).toBe(2);
    expect(io.err[0]).toContain(`invalid value "${year}" for --year; expected a four-digit year such as 2024`);
  });

  test('--form is required and limited to 2019|2021', async () => {
    for (const [argv, text] of [
      [['init'], 'init needs --form <2019|2021>'],
      [['init', '--form', '2020'], 'invalid value "2020" for --form; expected one of: 2019, 2021'],
    ] as const) {
      const io = createFakeIo();
      expect(await runCli(argv, io, createFakeApi())).toBe(2);
      expect(io.err[0]).toContain(text);
    }
  });

  test('with the real library the skeleton validates', async () => {
    const io = createFakeIo();
    expect(await runCli(['init', '--form', '2019', '--year', '2020', '-o', 'r.json'], io)).toBe(0);
    const api = await loadLibraryApi();
    expect(api.validateReport(JSON.parse(readText(io, 'r.json')!))).toMatchObject({ ok: true });
  });
});
