import { constants } from 'node:fs';
import { access, mkdir, open, readdir, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { CliIo } from './io.ts';
import { removeStaleTempFiles, writeFileAtomic } from './writeFileAtomic.ts';

/** What the file half of the io needs to know about the running process (given by `bin.ts`). */
export interface NodeProcessInfo {
  /** This process's id, written into temp file names. */
  readonly pid: number;
  /** Whether a process is running (a temp file of a running process is left alone). */
  isProcessAlive(pid: number): boolean;
  /** The working directory (patterns are expanded against it). */
  readonly cwd: string;
}

/** The file-system half of the CLI's io. */
export type NodeFileIo = Pick<CliIo, 'readFile' | 'writeFileAtomic' | 'removeStaleTempFiles' | 'exists' | 'readdir' | 'glob' | 'isDirectory' | 'mkdir'>;

/**
 * The file-system half of the CLI's io, on `node:fs`: what `bin.ts` gives the commands, and what
 * end-to-end tests reuse.
 *
 * @param processInfo This process's id, how to tell a running process, and the working directory.
 * @returns The io functions.
 */
export function createNodeFileIo(processInfo: NodeProcessInfo): NodeFileIo {
  return {
    readFile: (path, maxBytes) => readRegularFile(path, maxBytes ?? Number.POSITIVE_INFINITY),
    writeFileAtomic: (path, data) => writeFileAtomic(path, data, { pid: processInfo.pid }),
    removeStaleTempFiles: (folder) =>
      removeStaleTempFiles(folder, { pid: processInfo.pid, isProcessAlive: (pid) => processInfo.isProcessAlive(pid) }),
    exists: (path) => access(path).then(() => true, () => false),
    readdir: (path) => readdir(path),
    // Loaded on first use: only `batch` globs, and every CLI start would pay for tinyglobby.
    glob: async (pattern) =>
      (await import('tinyglobby')).glob(pattern, { cwd: processInfo.cwd, onlyFiles: true, expandDirectories: false, absolute: isAbsolute(pattern) }),
    isDirectory: (path) => stat(path).then((s) => s.isDirectory(), () => false),
    mkdir: (path) => mkdir(path, { recursive: true }).then(() => undefined),
  };
}

/**
 * Reads a regular file of at most `maxBytes`. The size is checked on `stat` before anything is
 * read, and a FIFO or device is refused before it is opened (opening a FIFO blocks until a writer
 * comes; a device may never end). The open itself is non-blocking in case the path was swapped
 * for a FIFO in between, and the read stops after `maxBytes + 1` bytes in case the file grew.
 */
async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  checkKind(await stat(path), path, maxBytes);
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = await handle.stat();
    checkKind(stats, path, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    let size = Math.min(stats.size, maxBytes) + 1;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw fileError('EFBIG', path, { size: stats.size > maxBytes ? stats.size : total });
      size = 64 * 1024;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

function checkKind(stats: { isFile(): boolean; isDirectory(): boolean; size: number }, path: string, maxBytes: number): void {
  if (stats.isDirectory()) throw fileError('EISDIR', path);
  if (!stats.isFile()) throw fileError('ENOTREGULAR', path);
  if (stats.size > maxBytes) throw fileError('EFBIG', path, { size: stats.size });
}

function fileError(code: string, path: string, extra: object = {}): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code, path, ...extra });
}
