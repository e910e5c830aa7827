import { readdir, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pid } from 'node:process';
import { writeFileAtomic } from '../../cli/writeFileAtomic.ts';
import { RENDER_JOB_ID_PREFIX } from '../renderJobId/renderJobId.ts';

const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/gu;

/**
 * The name of a job's PDF: the input file's name for people, then the start of the job id, so
 * that every attempt of a job writes the same file and two jobs never share one
 * (`seed-2020-water-bureau.3f2a9c1b04d5.pdf`).
 *
 * @param file The input file the job came from (`undefined` for a job submitted over HTTP).
 * @param jobId The job's id.
 * @returns A file name without folder.
 */
export function pdfFileName(file: string | undefined, jobId: string): string {
  const stem = file === undefined ? 'report' : basename(file).replace(/\.json$/iu, '').replace(UNSAFE, '_').replace(/^\.+/u, '_').slice(0, 80) || 'report';
  const key = jobId.startsWith(RENDER_JOB_ID_PREFIX) ? jobId.slice(RENDER_JOB_ID_PREFIX.length) : jobId;
  return `${stem}.${key.replace(UNSAFE, '_').slice(0, 12)}.pdf`;
}

/**
 * Whether a name in the output folder is a temporary file of an atomic write of `pdfName`
 * (`.<pdfName>.gov-report-pdf-<pid>-<random>.tmp`, as `writeFileAtomic` names them).
 *
 * @param name A name in the folder.
 * @param pdfName The PDF's name; any PDF when omitted.
 * @returns `true` for such a temporary file.
 */
export function isPdfTempFile(name: string, pdfName?: string): boolean {
  if (!name.endsWith('.tmp')) return false;
  return pdfName === undefined ? /^\..+\.pdf\..+\.tmp$/u.test(name) : name.startsWith(`.${pdfName}.`);
}

/**
 * Writes a job's PDF into the output folder by atomic rename (temp file in the same folder,
 * fsync, rename), after removing what an earlier attempt of the same job left if its worker was
 * killed mid-write. So a job tried twice leaves one whole file and no temp file.
 *
 * @param folder The output folder (absolute).
 * @param name The PDF's name ({@link pdfFileName}).
 * @param pdf The bytes.
 * @returns The absolute path written.
 */
export async function writeJobPdf(folder: string, name: string, pdf: Uint8Array): Promise<string> {
  await removeTempFiles(folder, (entry) => isPdfTempFile(entry, name));
  const path = join(folder, name);
  // The process id goes into the temp file's name, as for the CLI's own writes.
  await writeFileAtomic(path, pdf, { pid });
  return path;
}

/**
 * Removes temporary PDF files older than `olderThanMs` (a write takes milliseconds, so an old one
 * belongs to a worker that died); used when a worker starts. Newer ones may belong to another
 * worker writing into the same folder right now, and are left alone.
 *
 * @param folder The output folder.
 * @param olderThanMs Minimum age in ms.
 * @param now The current time in ms since the epoch.
 * @returns The names removed.
 */
export async function removeStalePdfTempFiles(folder: string, olderThanMs: number, now: number): Promise<string[]> {
  const removed: string[] = [];
  await removeTempFiles(folder, (entry) => isPdfTempFile(entry), async (entry) => {
    const stats = await stat(join(folder, entry)).catch(() => undefined);
    const old = stats !== undefined && now - stats.mtimeMs >= olderThanMs;
    if (old) removed.push(entry);
    return old;
  });
  return removed;
}

async function removeTempFiles(folder: string, matches: (name: string) => boolean, confirm?: (name: string) => Promise<boolean>): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (!matches(name) || (confirm !== undefined && !(await confirm(name)))) continue;
    await unlink(join(folder, name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}
