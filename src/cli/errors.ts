import type { BilingualText } from '../issues/issue.ts';

/**
 * Exit codes of the CLI. Scripts can tell "fix the report" (1) from "fix the command line" (2)
 * from "the tool or the machine failed" (3).
 */
export const EXIT_CODES = Object.freeze({
  /** Done; `check` found nothing that fails it. */
  ok: 0,
  /** The report was refused: invalid JSON, validation errors, strict-mode warnings, limits. */
  refused: 1,
  /** The command line is wrong: unknown command or option, missing argument, unreadable input path. */
  usage: 2,
  /** Not the report's fault: fonts, writing the output, a bug. */
  failure: 3,
});

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** Stable codes of usage errors (exit code 2). */
export type CliUsageErrorCode =
  | 'E_NO_COMMAND'
  | 'E_UNKNOWN_COMMAND'
  | 'E_UNKNOWN_OPTION'
  | 'E_MISSING_ARGUMENT'
  | 'E_MISSING_VALUE'
  | 'E_INVALID_VALUE'
  | 'E_UNEXPECTED_ARGUMENT'
  | 'E_USAGE';

/** Stable codes of every error the CLI itself throws; match on these, not on messages. */
export type CliErrorCode =
  | CliUsageErrorCode
  | 'E_READ_FILE'
  | 'E_INVALID_JSON'
  | 'E_FILE_EXISTS'
  | 'E_WRITE_FILE';

/** Base class of the CLI's own errors: a stable `code`, a bilingual message and an exit code. */
export class CliError extends Error {
  /** Stable code, e.g. `E_UNKNOWN_COMMAND`. */
  readonly code: CliErrorCode;
  /** The message in both languages. */
  readonly bilingual: BilingualText;
  /** The exit code the CLI ends with. */
  readonly exitCode: ExitCode;

  /**
   * @param code Stable error code.
   * @param message What went wrong and what to do, in both languages.
   * @param exitCode The exit code to end with.
   * @param options Standard error options (`cause`).
   */
  constructor(code: CliErrorCode, message: BilingualText, exitCode: ExitCode, options?: { cause?: unknown }) {
    super(`${message.zh} / ${message.en}`, options);
    this.name = new.target.name;
    this.code = code;
    this.bilingual = message;
    this.exitCode = exitCode;
  }
}

/** The command line is wrong; the CLI prints the message and a pointer to `--help`, exit code 2. */
export class CliUsageError extends CliError {
  /** The command whose usage was wrong, if known (for the `--help` hint). */
  readonly command: string | undefined;

  /**
   * @param code Stable usage error code.
   * @param message What is wrong, listing the allowed values where there are any.
   * @param command The command whose usage was wrong, if known.
   */
  constructor(code: CliUsageErrorCode, message: BilingualText, command?: string) {
    super(code, message, EXIT_CODES.usage);
    this.command = command;
  }
}

/** A file could not be read, or could not or should not be written. */
export class CliFileError extends CliError {
  /** The path as the user wrote it. */
  readonly path: string;

  /**
   * @param code `E_READ_FILE` (exit 2), `E_FILE_EXISTS` (exit 2) or `E_WRITE_FILE` (exit 3).
   * @param path The path as the user wrote it.
   * @param cause The underlying error (its `code`, e.g. `ENOENT`, picks the message).
   */
  constructor(code: 'E_READ_FILE' | 'E_WRITE_FILE' | 'E_FILE_EXISTS', path: string, cause?: unknown) {
    super(code, describeFileProblem(code, path, cause), code === 'E_WRITE_FILE' ? EXIT_CODES.failure : EXIT_CODES.usage, {
      cause,
    });
    this.path = path;
  }
}

/** A JSON file is not valid JSON (or not UTF-8); the message names the file, line and column. */
export class JsonSyntaxError extends CliError {
  /** The path as the user wrote it. */
  readonly path: string;
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem, in characters. */
  readonly column: number;

  /**
   * @param path The path as the user wrote it.
   * @param line 1-based line.
   * @param column 1-based column.
   * @param reason What is wrong at that place.
   */
  constructor(path: string, line: number, column: number, reason: BilingualText) {
    super(
      'E_INVALID_JSON',
      {
        zh: `${path} 第 ${line} 行第 ${column} 列：JSON 格式错误，${reason.zh}`,
        en: `${path} line ${line}, column ${column}: invalid JSON, ${reason.en}`,
      },
      EXIT_CODES.refused,
    );
    this.path = path;
    this.line = line;
    this.column = column;
  }
}

function describeFileProblem(code: string, path: string, cause: unknown): BilingualText {
  if (code === 'E_FILE_EXISTS') {
    return { zh: `${path} 已存在；如需覆盖请加 --force`, en: `${path} already exists; add --force to overwrite it` };
  }
  const reason = errnoCode(cause);
  const verb = code === 'E_READ_FILE' ? { zh: '无法读取', en: 'cannot read' } : { zh: '无法写入', en: 'cannot write' };
  const why =
    reason === 'ENOENT'
      ? { zh: '文件或文件夹不存在', en: 'no such file or folder' }
      : reason === 'EACCES' || reason === 'EPERM'
        ? { zh: '没有权限', en: 'permission denied' }
        : reason === 'EISDIR'
          ? { zh: '这是一个文件夹', en: 'it is a folder' }
          : reason === 'ENOSPC'
            ? { zh: '磁盘空间不足', en: 'no space left on the disk' }
            : { zh: reason ?? '未知原因', en: reason ?? 'unknown reason' };
  return { zh: `${verb.zh} ${path}：${why.zh}`, en: `${verb.en} ${path}: ${why.en}` };
}

function errnoCode(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null || !('code' in cause)) return undefined;
  return typeof cause.code === 'string' ? cause.code : undefined;
}
