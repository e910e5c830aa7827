import { access, mkdir, readFile, readdir, stat } from 'node:fs/promises';
import type { CliIo } from './io.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';

/** The file-system half of the CLI's io, on `node:fs`: what `bin.ts` gives the commands, and what end-to-end tests reuse. */
export const nodeFileIo: Pick<CliIo, 'readFile' | 'writeFileAtomic' | 'exists' | 'readdir' | 'isDirectory' | 'mkdir'> = {
  readFile: (path) => readFile(path),
  writeFileAtomic: (path, data) => writeFileAtomic(path, data),
  exists: (path) => access(path).then(() => true, () => false),
  readdir: (path) => readdir(path),
  isDirectory: (path) => stat(path).then((s) => s.isDirectory(), () => false),
  mkdir: (path) => mkdir(path, { recursive: true }).then(() => undefined),
};
