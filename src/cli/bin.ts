#!/usr/bin/env node
// The only module that touches `process`: real argv, streams, pid, working directory, the exit code.
import * as nodeModule from 'node:module';
import type { CliIo } from './io.ts';

// Node ≥ 22.1 caches compiled modules on disk, which shortens every later one-shot run;
// on Node 20 this does nothing. Enabled before the library and pdfmake are loaded.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { runCli } = await import('./runCli.ts');
const { createNodeFileIo } = await import('./nodeFileIo.ts');
const { createStdio } = await import('./nodeStdio.ts');

/** Signal 0 tests for a process without signalling it; EPERM means it exists but is not ours. */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const cwd = process.cwd();
// process.stdin is created on first access; only `-` (read the report from stdin) touches it.
const stdin: AsyncIterable<Uint8Array | string> = { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() };
const io: CliIo = {
  ...createStdio({ stdin, stdout: process.stdout, stderr: process.stderr }),
  ...createNodeFileIo({ pid: process.pid, isProcessAlive, cwd }),
  cwd,
  now: () => new Date(),
  onShutdown: (listener) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => listener(signal));
  },
};

// `gov-report-pdf schema | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), io);
