import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from '../../src/cli/writeFileAtomic.ts';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(join(tmpdir(), 'gov-report-pdf-atomic-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

/** The real file system, except that writing the temporary file fails half-way. */
function failingHalfWay(): AtomicWriteFs {
  return {
    ...fs,
    open: (async (path: string, flags?: string, mode?: number) => {
      const handle = await fs.open(path, flags, mode);
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'writeFile') {
            return async (data: Uint8Array) => {
              await target.write(data.subarray(0, data.length / 2));
              throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
            };
          }
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as AtomicWriteFs['open'],
  };
}

test('writes a new file and leaves no temporary file', async () => {
  const target = join(folder, 'report.pdf');
  await writeFileAtomic(target, new TextEncoder().encode('%PDF-new'), { pid: 1 });
  expect(await fs.readFile(target, 'utf8')).toBe('%PDF-new');
  expect(await fs.readdir(folder)).toEqual(['report.pdf']);
});

test('replaces an existing file and keeps its permission bits', async () => {
  const target = join(folder, 'report.pdf');
  await fs.writeFile(target, 'old');
  await fs.chmod(target, 0o640);
  await writeFileAtomic(target, 'new text', { pid: 1 });
  expect(await fs.readFile(target, 'utf8')).toBe('new text');
  expect((await fs.stat(target)).mode & 0o777).toBe(0o640);
});

test('an error while writing leaves the old file intact and no temporary file behind', async () => {
  const target = join(folder, 'report.pdf');
  await fs.writeFile(target, '%PDF-old complete file');
  const data = new TextEncoder().encode('%PDF-new '.repeat(1000));
  await expect(writeFileAtomic(target, data, { pid: 1, fs: failingHalfWay() })).rejects.toMatchObject({ code: 'ENOSPC' });
  expect(await fs.readFile(target, 'utf8')).toBe('%PDF-old complete file');
  expect(await fs.readdir(folder)).toEqual(['report.pdf']);
});

test('an error at the rename removes the temporary file', async () => {
  const target = join(folder, 'report.pdf');
  await fs.writeFile(target, 'old');
  const failingRename: AtomicWriteFs = {
    ...fs,
    rename: async () => {
      throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
    },
  };
  await expect(writeFileAtomic(target, 'new', { pid: 1, fs: failingRename })).rejects.toMatchObject({ code: 'EXDEV' });
  expect(await fs.readdir(folder)).toEqual(['report.pdf']);
  expect(await fs.readFile(target, 'utf8')).toBe('old');
});

test('a missing folder rejects with ENOENT and creates nothing', async () => {
  await expect(writeFileAtomic(join(folder, 'no', 'such', 'a.pdf'), 'x', { pid: 1 })).rejects.toMatchObject({ code: 'ENOENT' });
  expect(await fs.readdir(folder)).toEqual([]);
});

test('the data is flushed (fsync) before the rename', async () => {
  const calls: string[] = [];
  const spying: AtomicWriteFs = {
    ...fs,
    open: (async (path: string, flags?: string, mode?: number) => {
      const handle = await fs.open(path, flags, mode);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        calls.push(`sync ${flags}`);
        await sync();
      };
      return handle;
    }) as AtomicWriteFs['open'],
    rename: async (from, to) => {
      calls.push('rename');
      await fs.rename(from, to);
    },
  };
  await writeFileAtomic(join(folder, 'a.pdf'), 'x', { pid: 1, fs: spying });
  expect(calls).toEqual(['sync wx', 'rename', 'sync r']);
});
