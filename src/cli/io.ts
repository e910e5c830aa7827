/**
 * Everything the CLI needs from the outside world. `bin.ts` builds the real one from `process`
 * (streams, pid, working directory) and `node:fs` ({@link createNodeFileIo}); tests pass an
 * in-memory one, so `runCli` runs in-process.
 */
export interface CliIo {
  /** Writes one line (or block) of text to standard output; the io adds the final line break. */
  stdout(text: string): void;
  /** Writes one line (or block) to standard error; the io adds the final line break. */
  stderr(text: string): void;
  /** Standard input, read by `render -` and `check -` (up to `maxInputBytes`). */
  readonly stdin: AsyncIterable<Uint8Array | string>;
  /**
   * Writes bytes to standard output (the PDF of `render -o -`).
   *
   * @param data The bytes.
   * @returns Resolves once the bytes are handed to the stream (rejects with `EPIPE` and the like).
   */
  writeStdout(data: Uint8Array): Promise<void>;
  /**
   * Reads a regular file, refusing anything else before reading (a FIFO or device would block
   * or never end) and refusing a file over `maxBytes` by its size before reading it.
   *
   * @param path An absolute path.
   * @param maxBytes The most bytes to read (no limit when omitted).
   * @returns The bytes; rejects with a Node-style error: `code` `ENOENT`, `EISDIR`, `ENOTREGULAR`
   *   (not a regular file), or `EFBIG` with `size` (the file's size in bytes) when over `maxBytes`.
   */
  readFile(path: string, maxBytes?: number): Promise<Uint8Array>;
  /**
   * Writes the output so that nothing but a regular file is ever replaced: a regular file (or a
   * new one) is written atomically (a recognisable temp file in the same folder, fsync, rename);
   * a symbolic link is followed to its target; a character device or FIFO (`/dev/null`,
   * `/dev/stdout`) is written directly; a folder, socket or block device is refused.
   *
   * @param path An absolute path.
   * @param data The bytes or UTF-8 text.
   */
  writeFileAtomic(path: string, data: Uint8Array | string): Promise<void>;
  /**
   * Removes the temp files an interrupted run of this program left in a folder (those of
   * processes that are no longer running).
   *
   * @param folder An absolute path.
   * @returns The names removed.
   */
  removeStaleTempFiles(folder: string): Promise<string[]>;
  /**
   * Tells whether a path exists (used to refuse overwriting without `--force`).
   *
   * @param path An absolute path.
   * @returns `true` if something exists there.
   */
  exists(path: string): Promise<boolean>;
  /**
   * Lists the names in a folder (for `batch`).
   *
   * @param path An absolute path.
   * @returns The entry names; rejects when the folder cannot be read.
   */
  readdir(path: string): Promise<string[]>;
  /**
   * Expands a glob pattern (`**`, `{a,b}`, `[ab]`, `*`, `?`) to the files it matches (for `batch`).
   *
   * @param pattern The pattern, relative to `cwd` or absolute.
   * @returns The matching files as paths in the pattern's form (relative stays relative), in no set order.
   */
  glob(pattern: string): Promise<string[]>;
  /**
   * Tells whether a path is a folder.
   *
   * @param path An absolute path.
   * @returns `true` for a folder.
   */
  isDirectory(path: string): Promise<boolean>;
  /**
   * Creates a folder and its parents if missing (for `batch -o`).
   *
   * @param path An absolute path.
   */
  mkdir(path: string): Promise<void>;
  /** Whether standard error is a terminal (then `batch` draws a progress bar). */
  readonly isTTY: boolean;
  /**
   * Redraws the progress line on standard error (terminal only; no line break).
   *
   * @param text The progress line.
   */
  progress(text: string): void;
  /** The working directory relative paths are resolved against. */
  readonly cwd: string;
  /** The current time (for defaults such as "last year"). */
  now(): Date;
  /**
   * Calls the listener once on the first SIGTERM or SIGINT (for `serve`, which drains then returns).
   * Only commands that call it change what those signals do.
   *
   * @param listener Receives the signal's name.
   */
  onShutdown?(listener: (signal: string) => void): void;
}
