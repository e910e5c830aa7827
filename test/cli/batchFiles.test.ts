import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { CliApi } from '../../src/cli/api.ts';
import type { BatchRecord } from '../../src/cli/commands/batch.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { createNodeFileIo } from '../../src/cli/nodeFileIo.ts';
import { runCli } from '../../src/cli/runCli.ts';
import { tempFileName } from '../../src/cli/writeFileAtomic.ts';
import { createFakeApi, createFakeIo, FAKE_PDF, parseLikeTheLibrary, REPORT_JSON } from './_fakes.ts';

// `batch` on the real file system, with a fake render pool (the real one is in e2e.test.ts).
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-batch-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** A fresh working folder holding these files. */
async function workspace(files: Record<string, string>): Promise<string> {
  const cwd = await mkdtemp(join(folder, 'ws-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(cwd, path)), { recursive: true });
    await writeFile(join(cwd, path), text);
  }
  return cwd;
}

function realIo(cwd: string, isProcessAlive: (pid: number) => boolean = () => true): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    ...createFakeIo(),
    ...createNodeFileIo({ pid: process.pid, isProcessAlive, cwd }),
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    cwd,
  };
}

const records = (io: { out: string[] }) => io.out.map((line) => JSON.parse(line) as BatchRecord);

describe('patterns (tinyglobby): **, {a,b}, [ab]', () => {
  const files = {
    'a/x-2023.json': REPORT_JSON,
    'a/x-2024.json': REPORT_JSON,
    'a/deep/er/y-2024.json': REPORT_JSON,
    'b/x-2024.json': REPORT_JSON,
    'c/z-2024.json': REPORT_JSON,
    'a/notes.txt': 'x',
  };
  test.each([
    ['**/*-2024.json', ['a/deep/er/y-2024.json', 'a/x-2024.json', 'b/x-2024.json', 'c/z-2024.json']],
    ['{a,c}/*.json', ['a/x-2023.json', 'a/x-2024.json', 'c/z-2024.json']],
    ['[ab]/x-202[3].json', ['a/x-2023.json']],
    ['a/**/*.json', ['a/deep/er/y-2024.json', 'a/x-2023.json', 'a/x-2024.json']],
  ])('%s', async (pattern, expected) => {
    const cwd = await workspace(files);
    const io = realIo(cwd);
    expect(await runCli(['batch', pattern, '-o', 'out', '--jobs', '2', '-q'], io, createFakeApi())).toBe(0);
    expect(records(io).map((record) => record.file).sort()).toEqual(expected);
  });

  test('outputs mirror the inputs below the folder they share, so a/x.json and b/x.json do not collide', async () => {
    const cwd = await workspace(files);
    const io = realIo(cwd);
    expect(await runCli(['batch', '**/x-2024.json', '-o', 'out', '-q'], io, createFakeApi())).toBe(0);
    expect(records(io).map((record) => [record.file, record.output]).sort()).toEqual([
      ['a/x-2024.json', 'out/a/x-2024.pdf'],
      ['b/x-2024.json', 'out/b/x-2024.pdf'],
    ]);
    expect((await readdir(join(cwd, 'out'), { recursive: true })).sort()).toEqual(['a', 'a/x-2024.pdf', 'b', 'b/x-2024.pdf']);
  });
});

describe('streaming: memory flat in the number of files', () => {
  test('1,000 inputs: never more than --jobs reports read, rendering or being written at once; ms is render time', async () => {
    const files = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`in/r${String(i).padStart(4, '0')}.json`, REPORT_JSON]));
    const cwd = await workspace(files);
    const io = realIo(cwd);
    let inFlight = 0;
    let maxInFlight = 0;
    let rendering = 0;
    let maxRendering = 0;
    const readFile = io.readFile;
    const observed: CliIo = {
      ...io,
      // In flight: from the moment an input is read until its record is printed.
      readFile: async (path, maxBytes) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        return readFile(path, maxBytes);
      },
      stdout: (text) => {
        inFlight -= 1;
        io.stdout(text);
      },
    };
    const api = createFakeApi({
      createRenderPool: () => ({
        render: async (input) => {
          parseLikeTheLibrary(input);
          rendering += 1;
          maxRendering = Math.max(maxRendering, rendering);
          await new Promise((resolve) => setTimeout(resolve, 2));
          rendering -= 1;
          return { pdf: FAKE_PDF, warnings: [], pageCount: 1 };
        },
        close: async () => undefined,
      }),
    });
    const started = Date.now();
    expect(await runCli(['batch', 'in', '-o', 'out', '--jobs', '3', '-q'], observed, api)).toBe(0);
    const elapsed = Date.now() - started;
    expect(records(io)).toHaveLength(1000);
    expect(records(io).every((record) => record.ok)).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxRendering).toBeLessThanOrEqual(3);
    expect(inFlight).toBe(0);
    // Each render took ~2 ms; the whole batch far longer. Queue time would show as growing ms.
    const slowest = Math.max(...records(io).map((record) => record.ms ?? Infinity));
    expect(slowest).toBeLessThan(Math.max(100, elapsed / 10));
    expect((await readdir(join(cwd, 'out'))).length).toBe(1000);
  }, 60_000);
});

describe('every error is named', () => {
  test('batch -o <an existing file> is a usage error (exit 2), not a bug', async () => {
    const cwd = await workspace({ 'in/a.json': REPORT_JSON, 'taken.pdf': 'x' });
    const io = realIo(cwd);
    expect(await runCli(['batch', 'in', '-o', 'taken.pdf', '--lang', 'en'], io, createFakeApi())).toBe(2);
    expect(io.err[0]).toBe('× -o must be a folder, but taken.pdf is a file; choose another path (E_INVALID_VALUE)');
    expect(io.out).toEqual([]);
  });

  test('an output that is a folder: the record has a code and a zh + en message', async () => {
    const cwd = await workspace({ 'in/a.json': REPORT_JSON, 'in/b.json': REPORT_JSON, 'out/a.pdf/keep': 'x' });
    const io = realIo(cwd);
    expect(await runCli(['batch', 'in', '-o', 'out', '-q'], io, createFakeApi())).toBe(3);
    const [a, b] = records(io).sort((x, y) => x.file.localeCompare(y.file));
    expect(a).toMatchObject({
      ok: false,
      code: 'E_WRITE_FILE',
      message: { zh: '无法写入 out/a.pdf：这是一个文件夹', en: 'cannot write out/a.pdf: it is a folder' },
    });
    expect(b).toMatchObject({ ok: true, output: 'out/b.pdf' });
  });

  describe('on a read-only or full disk (real tmpfs mounts)', () => {
    let mountPoint: string | undefined;
    afterEach(() => {
      if (mountPoint !== undefined) execFileSync('umount', [mountPoint]);
      mountPoint = undefined;
    });
    const mount = async (options: string): Promise<string | undefined> => {
      const point = await mkdtemp(join(folder, 'mnt-'));
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', point], { stdio: 'ignore' });
      } catch {
        return undefined;
      }
      return (mountPoint = point);
    };

    test('EROFS: every record carries E_WRITE_FILE and the reason in both languages', async (context) => {
      const point = await mount('ro,size=1m');
      if (point === undefined) return context.skip();
      const cwd = await workspace({ 'in/a.json': REPORT_JSON, 'in/b.json': REPORT_JSON });
      const io = realIo(cwd);
      expect(await runCli(['batch', 'in', '-o', point, '--lang', 'en'], io, createFakeApi())).toBe(3);
      for (const record of records(io)) {
        expect(record).toMatchObject({ ok: false, code: 'E_WRITE_FILE' });
        expect(record.message!.zh).toMatch(/^无法写入 .*：文件系统是只读的$/u);
        expect(record.message!.en).toMatch(/^cannot write .*: the file system is read-only$/u);
        expect(record.problems).toEqual([record.message!.en]);
        expect(JSON.stringify(record)).not.toContain('EROFS');
      }
    });

    test('ENOSPC: the reports that do not fit fail by name, the disk is left without temp files', async (context) => {
      const point = await mount('size=256k');
      if (point === undefined) return context.skip();
      const cwd = await workspace(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`in/r${i}.json`, REPORT_JSON])));
      const io = realIo(cwd);
      const big = new Uint8Array(100 * 1024).fill(32);
      const api = createFakeApi({ createRenderPool: () => ({ render: async () => ({ pdf: big, warnings: [], pageCount: 1 }), close: async () => undefined }) });
      expect(await runCli(['batch', 'in', '-o', point, '--jobs', '1', '--lang', 'zh'], io, api)).toBe(3);
      const failed = records(io).filter((record) => !record.ok);
      expect(failed.length).toBeGreaterThan(0);
      for (const record of failed) {
        expect(record.code).toBe('E_WRITE_FILE');
        expect(record.message!.en).toMatch(/: no space left on the disk$/u);
        expect(record.problems[0]).toMatch(/：磁盘空间不足$/u);
      }
      expect((await readdir(point)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });
  });
});

describe('the same options as render', () => {
  test('--layout <file>, --previous <file> and -q reach every render; -q keeps stderr empty', async () => {
    const cwd = await workspace({ 'in/a.json': REPORT_JSON, 'in/b.json': REPORT_JSON, 'mine.json': '{"name":"mine"}', 'last.json': '{"meta":{"year":2023}}' });
    const io = realIo(cwd);
    const calls: unknown[] = [];
    const api = createFakeApi({
      createRenderPool: () => ({
        render: async (_input, options) => {
          calls.push(options);
          return { pdf: FAKE_PDF, warnings: [], pageCount: 1 };
        },
        close: async () => undefined,
      }),
    });
    expect(await runCli(['batch', 'in', '-o', 'out', '--layout', 'mine.json', '--previous', 'last.json', '-q'], io, api)).toBe(0);
    expect(calls).toEqual([0, 1].map(() => ({ strict: false, fillTotals: false, layout: { name: 'mine' }, previousYear: { meta: { year: 2023 } } })));
    expect(io.err).toEqual([]);
    expect(records(io)).toHaveLength(2);
  });

  test('the library gets the bytes: invalid JSON is refused by it and named with line and column', async () => {
    const cwd = await workspace({ 'in/bad.json': '{"meta": }' });
    const io = realIo(cwd);
    const api: CliApi = createFakeApi();
    expect(await runCli(['batch', 'in', '-o', 'out', '--lang', 'en'], io, api)).toBe(1);
    expect(records(io)[0]).toMatchObject({ ok: false, code: 'E_INVALID_JSON', problems: ["in/bad.json line 1, column 10: invalid JSON, expected a value but found \"}\""] });
  });
});

describe('leftovers of an interrupted run', () => {
  test('temp files of processes that are gone are removed from the output folder at the start, others kept', async () => {
    const cwd = await workspace({ 'in/a.json': REPORT_JSON });
    await mkdir(join(cwd, 'out'));
    const dead = tempFileName('a.pdf', 999_001);
    const live = tempFileName('b.pdf', 999_002);
    await writeFile(join(cwd, 'out', dead), '%PDF-partial');
    await writeFile(join(cwd, 'out', live), '%PDF-partial');
    const io = realIo(cwd, (pid) => pid === 999_002);
    expect(await runCli(['batch', 'in', '-o', 'out', '--lang', 'en'], io, createFakeApi())).toBe(0);
    expect((await readdir(join(cwd, 'out'))).sort()).toEqual([live, 'a.pdf'].sort());
    expect(io.err[0]).toBe(`! removed 1 temp file(s) an interrupted run left in ${join(cwd, 'out')}`);
  });
});
