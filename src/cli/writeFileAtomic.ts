import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** The file-system calls {@link writeFileAtomic} makes; tests inject failures through it. */
export type AtomicWriteFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'stat'>;

/**
 * Writes a file atomically: the data goes to a temporary file in the target's folder, which is
 * flushed to disk (fsync) and then renamed over the target. Readers therefore see the old file
 * or the complete new one, never a truncated one; on any error the temporary file is removed
 * and the old file is left as it was. An existing target keeps its permission bits.
 *
 * @param path Where to write (relative paths resolve against the working directory).
 * @param data The bytes, or text written as UTF-8.
 * @param fs The file-system calls to use (defaults to `node:fs/promises`).
 * @returns Resolves once the new file is in place.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  fs: AtomicWriteFs = nodeFs,
): Promise<void> {
  const target = resolve(path);
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await fs.stat(target).then(
    (stats) => stats.mode & 0o7777,
    () => undefined,
  );
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
