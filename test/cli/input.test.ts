import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderReport } from '../../src/api/createRenderer.ts';
import { GovReportError, ReportValidationError } from '../../src/errors/errors.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { createNodeFileIo } from '../../src/cli/nodeFileIo.ts';
import { runCli } from '../../src/cli/runCli.ts';
import { _readInputBytes } from '../../src/cli/_readJsonFile.ts';
import { DEFAULT_LIMITS } from '../../src/schema/limits/limits.ts';
import { createFakeApi, createFakeIo, FAKE_PDF, issue, REPORT_JSON } from './_fakes.ts';

const MAX = DEFAULT_LIMITS.maxInputBytes;
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-input-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** The real file system rooted at the test folder, with in-memory output. */
function realIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    ...createFakeIo(),
    ...createNodeFileIo({ pid: process.pid, isProcessAlive: () => true, cwd: folder }),
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    cwd: folder,
  };
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('maxInputBytes: refused by size, before reading, exactly as the API refuses it', () => {
  test('a file one byte over the limit gets the error the API gives for the same bytes', async () => {
    const path = join(folder, 'over.json');
    await writeFile(path, '');
    await truncate(path, MAX + 1);
    const cli = await thrown(_readInputBytes(realIo(), 'over.json'));
    const api = await thrown(renderReport(new Uint8Array(MAX + 1)));
    expect(cli).toBeInstanceOf(GovReportError);
    expect(api).toBeInstanceOf(GovReportError);
    const { code, bilingual, issues } = api as GovReportError;
    expect(cli).toMatchObject({ code, bilingual, issues });
    expect(code).toBe('E_INPUT_LIMIT');
  });

  test('an 8 GiB (sparse) file is refused at once: its size is checked before anything is read', async () => {
    const path = join(folder, 'huge.json');
    await writeFile(path, '');
    await truncate(path, 8 * 1024 ** 3);
    const io = realIo();
    const started = Date.now();
    expect(await runCli(['check', 'huge.json', '--lang', 'en'], io, createFakeApi())).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(io.err).toEqual([
      '× the report exceeds a size limit; raise the `limits` option if it really must be this large (E_INPUT_LIMIT)',
      `  × (root): the input is ${8 * 1024 ** 3} bytes, over the limit maxInputBytes (${MAX})`,
    ]);
  });

  test('a file at the limit is read whole and handed to the library as text', async () => {
    const text = `${REPORT_JSON}${' '.repeat(MAX - Buffer.byteLength(REPORT_JSON))}`;
    await writeFile(join(folder, 'at.json'), text);
    const api = createFakeApi();
    expect(await runCli(['render', 'at.json', '-o', 'at.pdf', '-q'], realIo(), api)).toBe(0);
    expect(api.renderReport.mock.calls[0]![0]).toBe(text);
  });

  test('standard input is read only up to the limit, then refused', async () => {
    let chunks = 0;
    const io = createFakeIo();
    const endless: AsyncIterable<Uint8Array> = {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          chunks += 1;
          yield new Uint8Array(1024 * 1024);
        }
      },
    };
    const api = createFakeApi();
    expect(await runCli(['render', '-', '-o', '-', '--lang', 'en'], { ...io, stdin: endless }, api)).toBe(1);
    expect(io.err[1]).toBe(`  × (root): the input is over the limit maxInputBytes (${MAX})`);
    expect(chunks).toBe(MAX / (1024 * 1024) + 1);
    expect(api.renderReport).not.toHaveBeenCalled();
  });
});

describe('inputs that are not regular files are refused before they are opened (no hang)', () => {
  test.each([
    ['a FIFO nobody writes to', () => {
      const fifo = join(folder, 'in.fifo');
      execFileSync('mkfifo', [fifo]);
      return fifo;
    }],
    ['a device that never ends', () => '/dev/zero'],
    ['a folder', () => folder],
  ])('%s', async (_name, make) => {
    const path = make();
    const io = realIo();
    const started = Date.now();
    expect(await runCli(['check', path, '--lang', 'en'], io, createFakeApi())).toBe(2);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(io.err[0]).toMatch(new RegExp(`^× cannot read .*: (it is not a regular file \\(a device, pipe or socket\\)|it is a folder) \\(E_READ_FILE\\)$`, 'u'));
  });
});

describe('standard input and output (-)', () => {
  test('render - reads the report from stdin; -o - writes the PDF to stdout and the summary to stderr', async () => {
    const io = createFakeIo();
    io.stdinText = REPORT_JSON;
    const api = createFakeApi();
    expect(await runCli(['render', '-', '-o', '-', '--lang', 'en'], io, api)).toBe(0);
    expect(api.renderReport).toHaveBeenCalledWith(REPORT_JSON, { strict: false, fillTotals: false });
    expect(io.stdoutBytes).toEqual([FAKE_PDF]);
    expect(io.out).toEqual([]);
    expect(io.err).toEqual(['wrote <stdout> (3 pages)']);
  });

  test('invalid JSON on stdin is named <stdin> with line and column', async () => {
    const io = createFakeIo();
    io.stdinText = '{\n "a": 1,\n}';
    expect(await runCli(['check', '-', '--lang', 'en'], io, createFakeApi())).toBe(1);
    expect(io.err[0]).toBe("× <stdin> line 2, column 8: invalid JSON, trailing comma before '}' (E_INVALID_JSON)");
  });
});

describe('--json: the API issue objects', () => {
  const WARNING = issue('warning', ['meta', 'title'], '标题含占位符', 'the title holds a placeholder');

  test('check --json: ok, counts and issues; nothing else on stdout or stderr', async () => {
    const io = createFakeIo({ 'report.json': REPORT_JSON });
    const api = createFakeApi({ planIssues: async () => [WARNING] });
    expect(await runCli(['check', 'report.json', '--json', '--strict'], io, api)).toBe(1);
    expect(io.out.map((line) => JSON.parse(line) as unknown)).toEqual([{ ok: false, errors: 0, warnings: 1, issues: [WARNING] }]);
    expect(io.err).toEqual([]);
  });

  test('render --json: the outcome with the warnings on stdout (when the PDF goes to a file)', async () => {
    const io = createFakeIo({ 'report.json': REPORT_JSON });
    const api = createFakeApi();
    api.renderReport.mockResolvedValue({ pdf: FAKE_PDF, warnings: [WARNING], pageCount: 3 });
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf', '--json'], io, api)).toBe(0);
    expect(io.out.map((line) => JSON.parse(line) as unknown)).toEqual([{ ok: true, output: 'a.pdf', pages: 3, bytes: FAKE_PDF.byteLength, issues: [WARNING] }]);
    expect(io.err).toEqual([]);
  });

  test('render --json of a refused report: code, message and issues, exit 1; invalid JSON is one invalid_json issue', async () => {
    const refusal = issue('error', ['sections', 0, 'heading'], '标题不能为空', 'heading must not be empty');
    const io = createFakeIo({ 'report.json': REPORT_JSON, 'bad.json': '{"a":}' });
    const api = createFakeApi();
    api.renderReport.mockRejectedValueOnce(new ReportValidationError([refusal]));
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf', '--json'], io, api)).toBe(1);
    const failure = JSON.parse(io.out[0]!) as { ok: boolean; code: string; message: { zh: string; en: string }; issues: unknown[] };
    expect(failure).toMatchObject({ ok: false, code: 'E_INVALID_REPORT', issues: [refusal] });
    expect(failure.message.en).toContain('1 problem');
    expect(await runCli(['render', 'bad.json', '-o', 'a.pdf', '--json'], io, api)).toBe(1);
    expect(JSON.parse(io.out[1]!)).toMatchObject({ ok: false, code: 'E_INVALID_JSON', issues: [{ code: 'invalid_json', severity: 'error', path: [], pathText: '(root)' }] });
    expect(io.err).toEqual([]);
  });
});

describe('render: refusals before rendering, with the real library', () => {
  test('-o naming a folder is a usage error before anything is rendered', async () => {
    const io = realIo();
    await writeFile(join(folder, 'r.json'), REPORT_JSON);
    const api = createFakeApi();
    expect(await runCli(['render', 'r.json', '-o', '.', '--lang', 'en'], io, api)).toBe(2);
    expect(io.err[0]).toBe('× -o . is a folder; give the PDF\'s file name, such as report.pdf (E_INVALID_VALUE)');
    expect(api.renderReport).not.toHaveBeenCalled();
  });

  test('--previous of another year than the one before is a named error (exit 2), from the library', async () => {
    const seed = join(fileURLToPath(new URL('../../', import.meta.url)), 'examples/seed-2020-water-bureau.json');
    const io = realIo();
    expect(await runCli(['render', seed, '-o', 'never.pdf', '--previous', seed, '--lang', 'en'], io)).toBe(2);
    expect(io.err[0]).toBe("× `options.previousYear` must be last year's report (year 2019; this report is of 2020), but was actually \"a report of year 2020\" (E_INVALID_ARGUMENT)");
  }, 30_000);
});

test('render removes the temp files a killed run left in the target folder (dead processes only)', async () => {
  const { tempFileName } = await import('../../src/cli/writeFileAtomic.ts');
  const { mkdir, readdir } = await import('node:fs/promises');
  const out = join(folder, 'render-out');
  await mkdir(out);
  const dead = tempFileName('a.pdf', 999_101);
  const live = tempFileName('a.pdf', 999_102);
  await writeFile(join(out, dead), '%PDF-partial');
  await writeFile(join(out, live), '%PDF-partial');
  await writeFile(join(folder, 'r2.json'), REPORT_JSON);
  const io = { ...realIo(), ...createNodeFileIo({ pid: process.pid, isProcessAlive: (pid) => pid === 999_102, cwd: folder }) };
  expect(await runCli(['render', 'r2.json', '-o', 'render-out/a.pdf', '-q'], io, createFakeApi())).toBe(0);
  expect((await readdir(out)).sort()).toEqual([live, 'a.pdf'].sort());
});
