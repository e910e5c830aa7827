import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';

// tsc writes dist/cli/bin.js without its run bit; the build runs scripts/set-bin-mode.mjs after tsc.
const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'scripts/set-bin-mode.mjs');
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-build-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

test('npm run build runs the script after tsc', async () => {
  const { scripts } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: { build: string } };
  expect(scripts.build).toMatch(/tsc -p tsconfig\.build\.json && node scripts\/set-bin-mode\.mjs( &&|$)/u);
});

test('the script adds the run bit to every file package.json names in "bin" (0644 → 0755, 0600 → 0700)', async () => {
  await mkdir(join(folder, 'dist/cli'), { recursive: true });
  await writeFile(join(folder, 'package.json'), JSON.stringify({ bin: { one: './dist/cli/bin.js', two: 'dist/other.js' } }));
  await writeFile(join(folder, 'dist/cli/bin.js'), '#!/usr/bin/env node\n', { mode: 0o644 });
  await writeFile(join(folder, 'dist/other.js'), '#!/usr/bin/env node\n', { mode: 0o600 });
  await promisify(execFile)(process.execPath, [script, folder]);
  expect((await stat(join(folder, 'dist/cli/bin.js'))).mode & 0o777).toBe(0o755);
  expect((await stat(join(folder, 'dist/other.js'))).mode & 0o777).toBe(0o700);
});

test('a built bin.js (when dist exists) runs directly as ./dist/cli/bin.js', async (context) => {
  const bin = join(root, 'dist/cli/bin.js');
  const mode = await stat(bin).then((stats) => stats.mode, () => undefined);
  if (mode === undefined) return context.skip();
  expect(mode & 0o111).not.toBe(0);
  const { stdout } = await promisify(execFile)(bin, ['--version']);
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  expect(stdout).toBe(`${version}\n`);
});
