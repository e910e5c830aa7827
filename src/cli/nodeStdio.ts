import type { CliIo } from './io.ts';

/** The streams `bin.ts` hands over: the process's standard input, output and error. */
export interface StdioStreams {
  /** Standard input. */
  readonly stdin: AsyncIterable<Uint8Array | string>;
  /** Standard output. */
  readonly stdout: NodeJS.WritableStream;
  /** Standard error. */
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

/**
 * The stream half of the CLI's io, on the streams it is given (the process's in `bin.ts`,
 * `PassThrough`s in tests). Text lines and the PDF bytes of `-o -` go through the same stream in
 * the order they are written.
 *
 * @param streams Standard input, output and error.
 * @returns The io functions.
 */
export function createStdio(streams: StdioStreams): Pick<CliIo, 'stdout' | 'stderr' | 'stdin' | 'writeStdout' | 'isTTY' | 'progress'> {
  return {
    stdout: (text) => void streams.stdout.write(`${text}\n`),
    stderr: (text) => void streams.stderr.write(`${text}\n`),
    stdin: streams.stdin,
    writeStdout: (data) =>
      new Promise<void>((resolve, reject) => {
        streams.stdout.write(data, (error) => (error === undefined || error === null ? resolve() : reject(error)));
      }),
    isTTY: streams.stderr.isTTY === true,
    progress: (text) => void streams.stderr.write(`\r\u001b[2K${text}`),
  };
}
