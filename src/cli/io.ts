/**
 * Everything the CLI needs from the outside world. `bin.ts` builds the real one from `process`
 * and `node:fs`; tests pass an in-memory one, so `runCli` runs in-process.
 */
export interface CliIo {
  /** Writes one line (or block) to standard output; the io adds the final line break. */
  stdout(text: string): void;
  /** Writes one line (or block) to standard error; the io adds the final line break. */
  stderr(text: string): void;
  /**
   * Reads a whole file.
   *
   * @param path An absolute path.
   * @returns The bytes; rejects with a Node-style error (`code: 'ENOENT'`, …).
   */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Writes a whole file so that the target is either the old file or the complete new one.
   *
   * @param path An absolute path.
   * @param data The bytes or UTF-8 text.
   */
  writeFileAtomic(path: string, data: Uint8Array | string): Promise<void>;
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
}
