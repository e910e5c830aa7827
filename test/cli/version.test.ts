import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runCli } from '../../src/cli/runCli.ts';
import { _PACKAGE_JSON_PATH } from '../../src/cli/_version.ts';
import { createFakeIo } from './_fakes.ts';

const packageJsonPath = fileURLToPath(new URL('../../package.json', import.meta.url));
const { version } = JSON.parse(await readFile(packageJsonPath, 'utf8')) as { version: string };

test('package.json is found relative to the CLI module (same depth in src/cli and dist/cli)', () => {
  expect(_PACKAGE_JSON_PATH).toBe(packageJsonPath);
});

test.each([['--version'], ['-v']])('%s prints the package version, exit 0', async (flag) => {
  const io = createFakeIo();
  io.readFile = (path) => readFile(path);
  expect(await runCli([flag], io)).toBe(0);
  expect(io.out).toEqual([version]);
  expect(io.err).toEqual([]);
});

test('an unreadable package.json is reported as a bug, not a crash', async () => {
  const io = createFakeIo();
  expect(await runCli(['--version'], io)).toBe(3);
  expect(io.err.join('\n')).toContain('This is a bug');
});
