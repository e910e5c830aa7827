import { describe, expect, test } from 'vitest';
import { ReportValidationError } from '../../src/errors/errors.ts';
import { runCli } from '../../src/cli/runCli.ts';
import { CWD, FAKE_PDF, createFakeApi, createFakeIo, issue, REPORT_JSON } from './_fakes.ts';

describe('batch', () => {
  test('renders every .json of a folder, one JSON line each, and exits 0', async () => {
    const io = createFakeIo({ 'in/a.json': REPORT_JSON, 'in/b.json': REPORT_JSON, 'in/notes.txt': 'x' });
    const api = createFakeApi();
    expect(await runCli(['batch', 'in', '-o', 'out', '--jobs', '2'], io, api)).toBe(0);
    expect(api.createRenderPool).toHaveBeenCalledWith({ workers: 2, timeoutMs: 60_000 });
    expect(io.out.map((line) => JSON.parse(line) as { file: string; ok: boolean; pages: number }).map((r) => [r.file, r.ok, r.pages])).toEqual([
      ['in/a.json', true, 3],
      ['in/b.json', true, 3],
    ]);
    expect(io.files.get(`${CWD}/out/a.pdf`)).toEqual(FAKE_PDF);
    expect(io.err.at(-1)).toContain('2 reports: 2 rendered, 0 failed');
  });

  test('expands a pattern, records a refused report with its problems and exits 1', async () => {
    const io = createFakeIo({ 'in/x-2024.json': REPORT_JSON, 'in/y-2024.json': REPORT_JSON, 'in/z-2023.json': REPORT_JSON });
    let calls = 0;
    const api = createFakeApi({
      createRenderPool: () => ({
        render: async () => {
          calls += 1;
          if (calls === 1) throw new ReportValidationError([issue('error', ['meta', 'title'], '缺少标题', 'the title is missing')]);
          return { pdf: FAKE_PDF, warnings: [], pageCount: 1 };
        },
        close: async () => undefined,
      }),
    });
    expect(await runCli(['batch', 'in/*-2024.json', '-o', 'out', '--lang', 'en'], io, api)).toBe(1);
    const records = io.out.map((line) => JSON.parse(line) as { file: string; ok: boolean; problems: string[]; code?: string });
    expect(records.map((r) => r.file).sort()).toEqual(['in/x-2024.json', 'in/y-2024.json']);
    const refused = records.find((r) => !r.ok)!;
    expect(refused).toMatchObject({ code: 'E_INVALID_REPORT', problems: ['meta.title: the title is missing'] });
  });

  test('--pdfa 2b|2u goes to every render on the pool; another level is a usage error', async () => {
    const io = createFakeIo({ 'in/a.json': REPORT_JSON, 'in/b.json': REPORT_JSON });
    const seen: unknown[] = [];
    const api = createFakeApi({
      createRenderPool: () => ({
        render: async (_input: unknown, options: unknown) => {
          seen.push(options);
          return { pdf: FAKE_PDF, warnings: [], pageCount: 1 };
        },
        close: async () => undefined,
      }),
    });
    expect(await runCli(['batch', 'in', '-o', 'out', '--pdfa', '2u', '-q'], io, api)).toBe(0);
    expect(seen).toEqual([expect.objectContaining({ pdfa: '2u' }), expect.objectContaining({ pdfa: '2u' })]);
    const bad = createFakeIo({ 'in/a.json': REPORT_JSON });
    const badApi = createFakeApi();
    expect(await runCli(['batch', 'in', '-o', 'out', '--pdfa', '1b'], bad, badApi)).toBe(2);
    expect(badApi.createRenderPool).not.toHaveBeenCalled();
  });

  test('rejects a bad --jobs value as a usage error', async () => {
    const io = createFakeIo({ 'in/a.json': REPORT_JSON });
    expect(await runCli(['batch', 'in', '-o', 'out', '--jobs', '0'], io, createFakeApi())).toBe(2);
    expect(io.err.join('\n')).toContain('--jobs must be a whole number from 1 to 256');
  });

  test('-o - is a usage error: batch writes a folder', async () => {
    const io = createFakeIo({ 'in/a.json': REPORT_JSON });
    expect(await runCli(['batch', 'in', '-o', '-', '--lang', 'en'], io, createFakeApi())).toBe(2);
    expect(io.err[0]).toBe('× batch writes a folder of PDFs; -o cannot be - (standard output) (E_INVALID_VALUE)');
  });

  test('draws a progress bar on a terminal', async () => {
    const io = createFakeIo({ 'in/a.json': REPORT_JSON });
    const bars: string[] = [];
    const tty = { ...io, isTTY: true, progress: (text: string) => void bars.push(text) };
    expect(await runCli(['batch', 'in', '-o', 'out'], tty, createFakeApi())).toBe(0);
    expect(bars[0]).toBe(`[${'#'.repeat(30)}] 1/1`);
  });
});
