import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CliFileError } from '../../src/cli/errors.ts';
import { parseTempFileName, removeStaleTempFiles, tempFileName, writeFileAtomic, type AtomicWriteFs } from '../../src/cli/writeFileAtomic.ts';

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

describe('nothing but a regular file is ever replaced', () => {
  test('a symbolic link is followed: the link stays, its target gets the data (also through a chain of links)', async () => {
    const target = join(folder, 'real.pdf');
    await fs.writeFile(target, 'old');
    await fs.symlink('real.pdf', join(folder, 'link1.pdf'));
    await fs.symlink(join(folder, 'link1.pdf'), join(folder, 'link2.pdf'));
    await writeFileAtomic(join(folder, 'link2.pdf'), 'new', { pid: 1 });
    expect((await fs.lstat(join(folder, 'link2.pdf'))).isSymbolicLink()).toBe(true);
    expect((await fs.lstat(join(folder, 'link1.pdf'))).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(target, 'utf8')).toBe('new');
    expect((await fs.readdir(folder)).sort()).toEqual(['link1.pdf', 'link2.pdf', 'real.pdf']);
  });

  test('a link to a file that does not exist yet creates that file and keeps the link', async () => {
    await fs.mkdir(join(folder, 'pdf'));
    await fs.symlink(join(folder, 'pdf', 'later.pdf'), join(folder, 'dangling.pdf'));
    await writeFileAtomic(join(folder, 'dangling.pdf'), 'made', { pid: 1 });
    expect((await fs.lstat(join(folder, 'dangling.pdf'))).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(join(folder, 'pdf', 'later.pdf'), 'utf8')).toBe('made');
  });

  test('a loop of links is refused with ELOOP', async () => {
    await fs.symlink('b', join(folder, 'a'));
    await fs.symlink('a', join(folder, 'b'));
    await expect(writeFileAtomic(join(folder, 'a'), 'x', { pid: 1 })).rejects.toMatchObject({ code: 'ELOOP' });
  });

  test('/dev/null is written directly and stays a character device', async () => {
    await writeFileAtomic('/dev/null', new Uint8Array(100_000), { pid: 1 });
    expect((await fs.stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  test('a FIFO with a reader receives the bytes and stays a FIFO', async () => {
    const fifo = join(folder, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // A reader in another process, as in `gov-report-pdf render r.json -o pipe & cat pipe > copy`.
    const copy = join(folder, 'copy.pdf');
    const reader = spawn('sh', ['-c', `cat "${fifo}" > "${copy}"`]);
    const exited = new Promise((resolve) => reader.on('exit', resolve));
    const data = new Uint8Array(300_000).map((_, i) => i % 251);
    // The reader may not have opened the FIFO yet: retry while nobody reads it (ENXIO).
    for (let attempt = 0; ; attempt++) {
      try {
        await writeFileAtomic(fifo, data, { pid: 1 });
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENXIO' || attempt > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await exited;
    expect(new Uint8Array(await fs.readFile(copy))).toEqual(data);
    expect((await fs.lstat(fifo)).isFIFO()).toBe(true);
  });

  test('a FIFO nobody reads is refused at once with ENXIO (no hang), and stays a FIFO', async () => {
    const fifo = join(folder, 'lonely');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    await expect(writeFileAtomic(fifo, 'x', { pid: 1 })).rejects.toMatchObject({ code: 'ENXIO' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await fs.lstat(fifo)).isFIFO()).toBe(true);
  });

  test('a folder is refused with EISDIR and left as it was', async () => {
    await fs.mkdir(join(folder, 'out.pdf'));
    await expect(writeFileAtomic(join(folder, 'out.pdf'), 'x', { pid: 1 })).rejects.toMatchObject({ code: 'EISDIR' });
    expect((await fs.stat(join(folder, 'out.pdf'))).isDirectory()).toBe(true);
    expect(await fs.readdir(folder)).toEqual(['out.pdf']);
  });

  test('a socket is refused with ENOTREGULAR', async () => {
    const path = join(folder, 'sock');
    const server = createServer().listen(path);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await expect(writeFileAtomic(path, 'x', { pid: 1 })).rejects.toMatchObject({ code: 'ENOTREGULAR' });
      expect((await fs.lstat(path)).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe('temp files: recognisable, and removed by the next run', () => {
  test('the temp name is hidden and names the target, the program and the pid', () => {
    const name = tempFileName('/x/report.pdf', 4242);
    expect(name).toMatch(/^\.report\.pdf\.gov-report-pdf-4242-[0-9a-f]{12}\.tmp$/u);
    expect(parseTempFileName(name)).toEqual({ target: 'report.pdf', pid: 4242 });
    expect(parseTempFileName('.report.pdf.abc.tmp')).toBeUndefined();
    expect(parseTempFileName('report.pdf')).toBeUndefined();
  });

  test('removes the temp files of processes that are gone (or too old), keeps its own, live ones and everything else', async () => {
    const dead = tempFileName('a.pdf', 111);
    const alive = tempFileName('b.pdf', 222);
    const own = tempFileName('c.pdf', 333);
    const oldAlive = tempFileName('d.pdf', 222);
    for (const name of [dead, alive, own, oldAlive, 'a.pdf', '.hidden.tmp', '.a.pdf.1234abcd.tmp']) await fs.writeFile(join(folder, name), 'x');
    const day = 24 * 60 * 60;
    await fs.utimes(join(folder, oldAlive), Date.now() / 1000 - 2 * day, Date.now() / 1000 - 2 * day);
    const removed = await removeStaleTempFiles(folder, { pid: 333, isProcessAlive: (pid) => pid === 222 || pid === 333 });
    expect(removed.sort()).toEqual([dead, oldAlive].sort());
    expect((await fs.readdir(folder)).sort()).toEqual(['.a.pdf.1234abcd.tmp', '.hidden.tmp', alive, own, 'a.pdf'].sort());
  });

  test('a missing folder has nothing to remove', async () => {
    expect(await removeStaleTempFiles(join(folder, 'none'), { pid: 1, isProcessAlive: () => false })).toEqual([]);
  });
});

describe('file errors are named in both languages, never as raw errno text', () => {
  test.each(['EROFS', 'ENOSPC', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EDQUOT', 'EIO', 'EMFILE', 'ENXIO', 'ENOTREGULAR', 'EFBIG', 'ELOOP'])('%s', (code) => {
    const error = new CliFileError('E_WRITE_FILE', 'out/a.pdf', Object.assign(new Error(`${code}: raw text`), { code }));
    expect(error.bilingual.zh).toMatch(/^无法写入 out\/a\.pdf：[^A-Za-z]+/u);
    expect(error.bilingual.en).toMatch(/^cannot write out\/a\.pdf: [a-z]/u);
    expect(`${error.bilingual.zh} ${error.bilingual.en}`).not.toContain(code);
    expect(error).toMatchObject({ code: 'E_WRITE_FILE', exitCode: 3 });
  });

  test('an errno without a message of its own is still named, with its code', () => {
    const error = new CliFileError('E_READ_FILE', 'a.json', Object.assign(new Error('x'), { code: 'ESTALE' }));
    expect(error.bilingual).toEqual({ zh: '无法读取 a.json：系统错误 ESTALE', en: 'cannot read a.json: system error ESTALE' });
  });
});
