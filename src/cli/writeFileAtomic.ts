import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** The file-system calls {@link writeFileAtomic} and {@link removeStaleTempFiles} make; tests inject failures through it. */
export type AtomicWriteFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'stat' | 'lstat' | 'readlink' | 'readdir'>;

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** The writing process's id; it goes into the temp file's name, so a later run can tell a leftover. */
  readonly pid: number;
  /** The file-system calls to use (defaults to `node:fs/promises`). */
  readonly fs?: AtomicWriteFs;
}

/** `.<target name>.gov-report-pdf-<pid>-<12 hex digits>.tmp` */
const TEMP_FILE = /^\.(.+)\.gov-report-pdf-(\d+)-[0-9a-f]{12}\.tmp$/su;
const MAX_LINKS = 40;

/**
 * The name of a temp file for a target: hidden, naming the target, this program, the writing
 * process and a random part, e.g. `.report.pdf.gov-report-pdf-4242-9f86d081884c.tmp`.
 *
 * @param target The target's path or name.
 * @param pid The writing process's id.
 * @returns The temp file's name (no folder).
 */
export function tempFileName(target: string, pid: number): string {
  return `.${basename(target)}.gov-report-pdf-${pid}-${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Reads a temp file's name back.
 *
 * @param name A file name.
 * @returns The target's name and the writing process's id, or `undefined` if it is no temp file of this program.
 */
export function parseTempFileName(name: string): { readonly target: string; readonly pid: number } | undefined {
  const match = TEMP_FILE.exec(name);
  return match === null ? undefined : { target: match[1]!, pid: Number(match[2]) };
}

/**
 * Writes an output file without ever replacing anything but a regular file:
 * - a regular file, or a path where nothing exists yet, is written atomically: the data goes to
 *   a temp file in the target's folder ({@link tempFileName}), which is flushed (fsync) and
 *   renamed over the target, so readers see the old file or the whole new one; on any error the
 *   temp file is removed. An existing file keeps its permission bits;
 * - a symbolic link is followed to its target (also when that does not exist yet), like
 *   `write-file-atomic`, so the link itself stays;
 * - a character device or FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written directly —
 *   a FIFO nobody reads is refused with `ENXIO` instead of blocking — as is a regular file named
 *   through `/dev/fd/…`, `/dev/std…` or `/proc/…` (a shell redirection), which must not be
 *   replaced by a new file the shell never sees;
 * - a folder is refused with `EISDIR`, a socket or block device with `ENOTREGULAR`.
 *
 * @param path Where to write (relative paths resolve against the working directory).
 * @param data The bytes, or text written as UTF-8.
 * @param options The process id for the temp name, and the file-system calls.
 * @returns Resolves once the data is in place.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, options: WriteFileAtomicOptions): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const requested = resolve(path);
  const existing = await fs.stat(requested).catch((error: unknown) => {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  });
  if (existing !== undefined) {
    if (existing.isDirectory()) throw fileError('EISDIR', requested);
    if (existing.isFIFO()) return writeToFifo(requested, data, fs);
    if (existing.isCharacterDevice() || (existing.isFile() && isProcessStreamPath(requested))) return writeDirect(requested, data, fs);
    if (!existing.isFile()) throw fileError('ENOTREGULAR', requested);
  }
  const target = await followLinks(requested, fs);
  const folder = dirname(target);
  const temp = join(folder, tempFileName(target, options.pid));
  const mode = existing === undefined ? undefined : existing.mode & 0o7777;
  const handle = await fs.open(temp, 'wx', mode ?? 0o666);
  try {
    try {
      await handle.writeFile(data);
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder, fs);
}

/** Options of {@link removeStaleTempFiles}. */
export interface RemoveStaleTempFilesOptions {
  /** This process's id: its own temp files are never touched. */
  readonly pid: number;
  /** Whether a process is still running (its temp file may be in use). */
  readonly isProcessAlive: (pid: number) => boolean;
  /** A temp file older than this is removed even if its process id is in use again (default: one day). */
  readonly maxAgeMs?: number;
  /** The current time in ms (default `Date.now()`). */
  readonly now?: number;
  /** The file-system calls to use. */
  readonly fs?: AtomicWriteFs;
}

/**
 * Removes the temp files ({@link tempFileName}) that a killed run left in a folder: those whose
 * process is no longer running, or that are older than `maxAgeMs`. A temp file is only ever a
 * copy of an output being written, never the output itself, so removing it loses nothing.
 *
 * @param folder The folder.
 * @param options This process's id and how to tell a running process.
 * @returns The names removed (an unreadable or missing folder gives none).
 */
export async function removeStaleTempFiles(folder: string, options: RemoveStaleTempFilesOptions): Promise<string[]> {
  const fs = options.fs ?? nodeFs;
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const now = options.now ?? Date.now();
  const maxAge = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
  const removed: string[] = [];
  for (const name of names) {
    const temp = parseTempFileName(name);
    if (temp === undefined || temp.pid === options.pid) continue;
    const path = join(folder, name);
    const stale =
      !options.isProcessAlive(temp.pid) ||
      (await fs.lstat(path).then((stats) => now - stats.mtimeMs > maxAge, () => false));
    if (stale && (await fs.unlink(path).then(() => true, (error: unknown) => isCode(error, 'ENOENT')))) removed.push(name);
  }
  return removed;
}

/** Follows a chain of symbolic links (also to a target that does not exist yet). */
async function followLinks(path: string, fs: AtomicWriteFs): Promise<string> {
  let current = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const stats = await fs.lstat(current).catch((error: unknown) => {
      if (isCode(error, 'ENOENT')) return undefined;
      throw error;
    });
    if (stats === undefined || !stats.isSymbolicLink()) return current;
    current = resolve(dirname(current), await fs.readlink(current));
  }
  throw fileError('ELOOP', path);
}

/** `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: names of a stream some process already holds open. */
function isProcessStreamPath(path: string): boolean {
  return /^\/(?:dev\/(?:stdout|stderr|stdin|fd\/)|proc\/)/u.test(path);
}

async function writeDirect(path: string, data: Uint8Array | string, fs: AtomicWriteFs): Promise<void> {
  const handle = await fs.open(path, 'w');
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

/**
 * Opening a FIFO for writing blocks until someone reads it; a non-blocking open fails at once
 * with ENXIO instead. It is kept open while the blocking one is made, so a reader that is there
 * never sees the end of the stream in between.
 */
async function writeToFifo(path: string, data: Uint8Array | string, fs: AtomicWriteFs): Promise<void> {
  const probe = await fs.open(path, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0));
  try {
    await writeDirect(path, data, fs);
  } finally {
    await probe.close();
  }
}

/** Flushes the folder entry so the rename survives a crash; not every platform allows it. */
async function syncFolder(folder: string, fs: AtomicWriteFs): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open or sync a folder; the rename itself is still atomic there.
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function fileError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}
