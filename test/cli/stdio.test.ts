import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderReport } from '../../src/api/createRenderer.ts';

// Other programs (a Java or Python portal) spawn the CLI with pipes: the report goes in on stdin,
// the PDF comes out on stdout, messages and --json documents stay on stderr.
const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = join(root, 'examples/seed-2020-generic-tables.json');
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-stdio-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs bin.ts as a child process with `input` piped to its standard input. */
function run(args: readonly string[], input?: Buffer): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/bin.ts'), ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(input);
  });
}

describe('pipes both ways', () => {
  test('render - -o -: the report from stdin, the PDF on stdout, byte-identical to the file-rendered PDF', async () => {
    const report = await readFile(seed);
    const piped = await run(['render', '-', '-o', '-', '--lang', 'en'], report);
    expect(piped.code).toBe(0);
    const file = join(folder, 'seed.pdf');
    const written = await run(['render', seed, '-o', file, '-q']);
    expect(written.code).toBe(0);
    expect(piped.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(piped.stdout.equals(await readFile(file))).toBe(true);
    // The API gives the same bytes for the same text.
    expect(piped.stdout.equals(Buffer.from((await renderReport(report.toString('utf8'))).pdf))).toBe(true);
    // Messages go to stderr only.
    expect(piped.stderr).toContain('wrote <stdout> (8 pages, 2 warnings)');
  }, 60_000);

  test('render - -o - --json: the PDF on stdout, one JSON document with the API issue objects on stderr', async () => {
    const report = await readFile(seed);
    const piped = await run(['render', '-', '-o', '-', '--json'], report);
    expect(piped.code).toBe(0);
    expect(piped.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const outcome = JSON.parse(piped.stderr) as { ok: boolean; pages: number; bytes: number; issues: unknown[] };
    const api = await renderReport(report.toString('utf8'));
    expect(outcome).toEqual({ ok: true, output: '-', pages: 8, bytes: piped.stdout.length, issues: JSON.parse(JSON.stringify(api.warnings)) });
  }, 60_000);

  test('check - --json: the issues as the API returns them, on stdout; exit 1 on a refused report', async () => {
    const broken = JSON.parse(await readFile(seed, 'utf8')) as { meta: { year: unknown } };
    broken.meta.year = '二〇二〇';
    const checked = await run(['check', '-', '--json'], Buffer.from(JSON.stringify(broken)));
    expect(checked.code).toBe(1);
    expect(checked.stderr).toBe('');
    const outcome = JSON.parse(checked.stdout.toString('utf8')) as { ok: boolean; errors: number; issues: { code: string; severity: string; path: unknown[]; pathText: string; message: { zh: string; en: string } }[] };
    expect(outcome.ok).toBe(false);
    expect(outcome.errors).toBe(1);
    expect(outcome.issues[0]).toMatchObject({ severity: 'error', path: ['meta', 'year'], pathText: 'meta.year' });
    expect(Object.keys(outcome.issues[0]!.message).sort()).toEqual(['en', 'zh']);
  }, 60_000);

  test('-o /dev/stdout into a shell pipe (a FIFO) writes the PDF into it', async () => {
    const bin = join(root, 'src/cli/bin.ts');
    const piped = await new Promise<Run>((resolve, reject) => {
      const child = spawn('sh', ['-c', `"${process.execPath}" --import tsx "${bin}" render "${seed}" -o /dev/stdout -q | cat`], { cwd: root });
      const out: Buffer[] = [];
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err }));
    });
    expect(piped.stderr).toBe('');
    expect(piped.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(piped.stdout.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
  }, 60_000);

  test('-o /dev/stdout on a socket (how Node pipes a child) is refused by name, pointing to -o -', async () => {
    const piped = await run(['render', seed, '-o', '/dev/stdout', '-q', '--lang', 'en']);
    expect(piped.code).toBe(3);
    expect(piped.stdout.length).toBe(0);
    expect(piped.stderr).toBe('× cannot write /dev/stdout: it is not a regular file (a device, pipe or socket); to write to standard output, use -o - (E_WRITE_FILE)\n');
  }, 60_000);
});
