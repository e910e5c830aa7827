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
  | 'E_WRITE_FILE'
  | 'E_QUEUE_UNAVAILABLE'
  | 'E_QUEUE_URL';

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

/**
 * Why a file operation failed, by the errno code Node reports (plus the CLI's own `ENOTREGULAR`
 * and `EFBIG`), in both languages: a batch record or a message never carries raw English errno text.
 */
const FILE_PROBLEMS: Readonly<Record<string, BilingualText>> = {
  ENOENT: { zh: '文件或文件夹不存在', en: 'no such file or folder' },
  EACCES: { zh: '没有权限', en: 'permission denied' },
  EPERM: { zh: '没有权限', en: 'permission denied' },
  EISDIR: { zh: '这是一个文件夹', en: 'it is a folder' },
  ENOTDIR: { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
  EEXIST: { zh: '已存在同名的文件或文件夹', en: 'a file or folder of that name exists' },
  ENOSPC: { zh: '磁盘空间不足', en: 'no space left on the disk' },
  EDQUOT: { zh: '超出磁盘配额', en: 'the disk quota is exceeded' },
  EROFS: { zh: '文件系统是只读的', en: 'the file system is read-only' },
  EIO: { zh: '磁盘读写错误', en: 'an input/output error on the disk' },
  EMFILE: { zh: '同时打开的文件过多', en: 'too many open files' },
  ENFILE: { zh: '同时打开的文件过多', en: 'too many open files' },
  ELOOP: { zh: '符号链接形成循环', en: 'the symbolic links form a loop' },
  ENAMETOOLONG: { zh: '路径过长', en: 'the path is too long' },
  EXDEV: { zh: '不能跨文件系统移动文件', en: 'a file cannot be moved across file systems' },
  EBUSY: { zh: '文件正被占用', en: 'the file is busy' },
  ETXTBSY: { zh: '文件正被占用', en: 'the file is busy' },
  ENXIO: { zh: '没有进程在读取这个管道或设备', en: 'no process is reading this pipe or device' },
  EPIPE: { zh: '读取方已关闭管道', en: 'the reader closed the pipe' },
  ENOTREGULAR: { zh: '这不是普通文件（设备、管道或套接字）', en: 'it is not a regular file (a device, pipe or socket)' },
  EFBIG: { zh: '文件过大', en: 'the file is too large' },
};

/**
 * @internal Why a file operation failed, in both languages, from the error's errno code.
 *
 * @param cause The error Node (or the io) threw.
 * @returns The reason; an unknown code is named as a system error with its code.
 */
export function _fileProblemReason(cause: unknown): BilingualText {
  const reason = _errnoCode(cause);
  if (reason !== undefined && FILE_PROBLEMS[reason] !== undefined) return FILE_PROBLEMS[reason];
  return reason === undefined ? { zh: '未知原因', en: 'unknown reason' } : { zh: `系统错误 ${reason}`, en: `system error ${reason}` };
}

function describeFileProblem(code: string, path: string, cause: unknown): BilingualText {
  if (code === 'E_FILE_EXISTS') {
    return { zh: `${path} 已存在；如需覆盖请加 --force`, en: `${path} already exists; add --force to overwrite it` };
  }
  const verb = code === 'E_READ_FILE' ? { zh: '无法读取', en: 'cannot read' } : { zh: '无法写入', en: 'cannot write' };
  const why = _fileProblemReason(cause);
  const hint =
    code === 'E_WRITE_FILE' && _errnoCode(cause) === 'ENOTREGULAR'
      ? { zh: '；写到标准输出请用 -o -', en: '; to write to standard output, use -o -' }
      : { zh: '', en: '' };
  return { zh: `${verb.zh} ${path}：${why.zh}${hint.zh}`, en: `${verb.en} ${path}: ${why.en}${hint.en}` };
}

/**
 * @internal The errno-style `code` of a thrown value (`ENOENT`, `EROFS`, …), if it has one.
 *
 * @param cause The thrown value.
 * @returns The code.
 */
export function _errnoCode(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null || !('code' in cause)) return undefined;
  return typeof cause.code === 'string' ? cause.code : undefined;
}
