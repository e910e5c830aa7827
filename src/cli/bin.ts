#!/usr/bin/env node
// The only module that touches `process`: real argv, real io, the exit code.
import * as nodeModule from 'node:module';
import type { CliIo } from './io.ts';

// Node ≥ 22.1 caches compiled modules on disk, which shortens every later one-shot run;
// on Node 20 this does nothing. Enabled before the library and pdfmake are loaded.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { runCli } = await import('./runCli.ts');
const { nodeFileIo } = await import('./nodeFileIo.ts');

const io: CliIo = {
  stdout: (text) => void process.stdout.write(`${text}\n`),
  stderr: (text) => void process.stderr.write(`${text}\n`),
  ...nodeFileIo,
  isTTY: process.stderr.isTTY === true,
  progress: (text) => void process.stderr.write(`\r\u001b[2K${text}`),
  cwd: process.cwd(),
  now: () => new Date(),
};

// `gov-report-pdf schema | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), io);
