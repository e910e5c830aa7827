import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/runCli.ts';
import { pdfaIdentification } from '../helpers/pdfaIdentification.ts';
import { createRealCliIo } from '../helpers/realCliIo.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = join(root, 'examples/seed-2020-generic-tables.json');

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-cli-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The real io, collecting output instead of printing it. */
const realIo = () => createRealCliIo(root);

describe('end to end with the real library', () => {
  test('render examples/seed-2020-generic-tables.json writes a PDF, exit 0', async () => {
    const io = realIo();
    const out = join(folder, 'seed.pdf');
    const code = await runCli(['render', seed, '-o', out], io);
    expect({ code, err: io.err.filter((line) => !line.startsWith('! ')) }).toEqual({ code: 0, err: [] });
    expect(new TextDecoder().decode((await readFile(out)).subarray(0, 5))).toBe('%PDF-');
    expect(io.out[0]).toMatch(/^已写入 .*seed\.pdf（\d+ 页/u);
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('batch --pdfa 2b writes PDF/A-2b files on the workers', async () => {
    const inputs = join(folder, 'pdfa-in');
    const outputs = join(folder, 'pdfa-out');
    await mkdir(inputs, { recursive: true });
    await copyFile(seed, join(inputs, 'a.json'));
    const io = realIo();
    expect(await runCli(['batch', inputs, '-o', outputs, '--jobs', '1', '--pdfa', '2b', '-q'], io)).toBe(0);
    expect(pdfaIdentification(await readFile(join(outputs, 'a.pdf')))).toBe('2B');
  });

  test('batch renders every report of a folder on workers, records failures and carries on', async () => {
    const inputs = join(folder, 'batch-in');
    const outputs = join(folder, 'batch-out');
    await rm(inputs, { recursive: true, force: true });
    await mkdir(inputs, { recursive: true });
    await copyFile(seed, join(inputs, 'a.json'));
    await writeFile(join(inputs, 'b.json'), '{ "meta": {} }');
    await copyFile(seed, join(inputs, 'c.json'));
    const io = realIo();
    const code = await runCli(['batch', inputs, '-o', outputs, '--jobs', '2'], io);
    expect(code).toBe(1);
    const records = io.out.map((line) => JSON.parse(line) as { file: string; ok: boolean; pages?: number; problems: string[] });
    expect(records.map((r) => [r.file.split('/').pop(), r.ok]).sort()).toEqual([['a.json', true], ['b.json', false], ['c.json', true]]);
    expect(records.find((r) => !r.ok)!.problems.some((p) => p.startsWith('meta.title'))).toBe(true);
    expect((await readdir(outputs)).sort()).toEqual(['a.pdf', 'c.pdf']);
    expect(io.err.at(-1)).toMatch(/3 reports: 2 rendered, 1 failed/u);
  });
});

describe('bin.ts as a process (the only file that touches process)', () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'src/cli/bin.ts'), ...args], { cwd: root }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  test('starts with a shebang', async () => {
    expect((await readFile(join(root, 'src/cli/bin.ts'), 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  test('--version prints the version and exits 0; a usage error exits 2', async () => {
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const bad = await run(['nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('(E_UNKNOWN_COMMAND)');
  });
});
