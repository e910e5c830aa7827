import type { CliIo } from '../../src/cli/io.ts';
import { createNodeFileIo } from '../../src/cli/nodeFileIo.ts';

/** A {@link CliIo} whose printed output is kept in memory for the test to read. */
export type RealCliIo = CliIo & { readonly out: string[]; readonly err: string[] };

/** How {@link createRealCliIo} sets up its io. */
export interface RealCliIoOptions {
  /** Chunks the command reads from standard input (default: none). */
  readonly stdin?: readonly string[];
  /** Which process ids count as alive when stale temp files are judged (default: all). */
  readonly isProcessAlive?: (pid: number) => boolean;
}

/**
 * The CLI's real file system (node:fs, rooted at `cwd`) with standard input given and printed
 * output collected, for tests that run commands in-process against real files.
 *
 * @param cwd The folder relative paths start from.
 * @param options Standard input and the liveness check of temp-file owners.
 * @returns The io, with `out` and `err` collecting what the command printed.
 */
export function createRealCliIo(cwd: string, options: RealCliIoOptions = {}): RealCliIo {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = options.stdin ?? [];
  return {
    ...createNodeFileIo({ pid: process.pid, isProcessAlive: options.isProcessAlive ?? (() => true), cwd }),
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    stdin: (async function* () {
      yield* stdin;
    })(),
    writeStdout: async () => undefined,
    isTTY: false,
    progress: () => undefined,
    cwd,
    now: () => new Date(),
  };
}
