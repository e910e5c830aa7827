import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';

// tsc writes dist/cli/bin.js without its run bit; the build bundles it (scripts/bundle-cli.mjs),
// then runs scripts/set-bin-mode.mjs.
const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'scripts/set-bin-mode.mjs');
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-build-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

test('npm run build bundles the CLI after tsc, then sets the run bit', async () => {
  const { scripts } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: { build: string } };
  expect(scripts.build).toMatch(/tsc -p tsconfig\.build\.json && node scripts\/bundle-cli\.mjs && node scripts\/set-bin-mode\.mjs( &&|$)/u);
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

test('the built CLI (when dist exists) is a bundle: its files import each other and packages, never a module of dist/', async (context) => {
  const cli = join(root, 'dist/cli');
  const files = await readdir(cli).catch(() => undefined);
  if (files === undefined) return context.skip();
  const bundle = files.filter((file) => file === 'bin.js' || (file.startsWith('bin.') && file.endsWith('.js')));
  expect(bundle.length).toBeGreaterThan(1);
  const specifiers: string[] = [];
  for (const file of bundle) {
    const code = await readFile(join(cli, file), 'utf8');
    for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"']+)["']/gu)) specifiers.push(match[1]!);
  }
  const relative = specifiers.filter((specifier) => specifier.startsWith('.'));
  expect(relative.length).toBeGreaterThan(0);
  for (const specifier of relative) expect(specifier).toMatch(/^\.\/bin\.[^/]+\.js$/u);
  // zod is inside the bundle; packages with files or hooks of their own (pdfmake, fastify, …) are not.
  expect(specifiers).not.toContain('zod');
  // Files a module finds relative to its own URL are found as from its tsc output: package.json
  // (the version), layouts/compact.json and fonts/defaults.json (a render).
  const bin = join(cli, 'bin.js');
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  expect((await promisify(execFile)(process.execPath, [bin, '--version'])).stdout).toBe(`${version}\n`);
  const pdf = join(folder, 'compact.pdf');
  await promisify(execFile)(process.execPath, [bin, 'render', join(root, 'examples/seed-2020-generic-tables.json'), '--layout', 'compact', '-o', pdf, '--quiet']);
  expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
