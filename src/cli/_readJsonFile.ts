import { resolve } from 'node:path';
import { GovReportError, InputLimitError } from '../errors/errors.ts';
import { createIssue } from '../issues/createIssue.ts';
import type { ReportIssue } from '../issues/issue.ts';
import { DEFAULT_LIMITS } from '../schema/limits/limits.ts';
import { CliFileError, JsonSyntaxError, _errnoCode } from './errors.ts';
import { _findJsonSyntaxError, _lineColumn } from './_findJsonSyntaxError.ts';
import type { CliIo } from './io.ts';

/** @internal The word that names standard input as an input or output path. */
export const _STDIO_PATH = '-';

/**
 * @internal How an input is named in messages: its path, or `<stdin>`.
 *
 * @param path The path as the user wrote it.
 * @returns The name.
 */
export function _inputName(path: string): string {
  return path === _STDIO_PATH ? '<stdin>' : path;
}

/**
 * @internal Reads an input's bytes — a file, or standard input for `-` — refusing more than
 * `maxBytes` (by the file's size, before reading it) with the same {@link InputLimitError} the
 * library gives for the same bytes, and refusing a FIFO or device before opening it.
 *
 * @param io The io (its `cwd` resolves relative paths).
 * @param path The path as the user wrote it, or `-`.
 * @param maxBytes The limit (default: the library's `maxInputBytes`).
 * @returns The bytes.
 * @throws {InputLimitError} `E_INPUT_LIMIT` when the input is larger than `maxBytes`.
 * @throws {CliFileError} `E_READ_FILE` when the file cannot be read or is not a regular file.
 */
export async function _readInputBytes(io: CliIo, path: string, maxBytes: number = DEFAULT_LIMITS.maxInputBytes): Promise<Uint8Array> {
  if (path === _STDIO_PATH) return readStream(io.stdin, maxBytes);
  try {
    return await io.readFile(resolve(io.cwd, path), maxBytes);
  } catch (error) {
    if (_errnoCode(error) === 'EFBIG') throw _inputLimitError((error as { size?: number }).size, maxBytes);
    throw new CliFileError('E_READ_FILE', path, error);
  }
}

/**
 * @internal Reads an input and decodes it as UTF-8 (a file that is not UTF-8 gets a
 * {@link JsonSyntaxError} naming the first bad byte), to hand the library as JSON text.
 *
 * @param io The io.
 * @param path The path as the user wrote it, or `-`.
 * @returns The text.
 */
export async function _readInputText(io: CliIo, path: string): Promise<string> {
  return _decodeUtf8(await _readInputBytes(io, path), _inputName(path));
}

/**
 * @internal Reads and parses a UTF-8 JSON file (a byte-order mark is allowed), bounded like a report.
 *
 * @param io The io (its `cwd` resolves relative paths).
 * @param path The path as the user wrote it (also used in messages), or `-`.
 * @returns The parsed value.
 * @throws {CliFileError} `E_READ_FILE` when the file cannot be read.
 * @throws {JsonSyntaxError} `E_INVALID_JSON` with line and column when it is not UTF-8 JSON.
 */
export async function _readJsonFile(io: CliIo, path: string): Promise<unknown> {
  return _parseJson(await _readInputBytes(io, path), _inputName(path));
}

/**
 * @internal The library's refusal of an input over `maxInputBytes`, word for word, for an input
 * the CLI refuses by its size without reading it.
 *
 * @param bytes The input's size, when known (standard input is not read past the limit).
 * @param maxBytes The limit.
 * @returns The error.
 */
export function _inputLimitError(bytes: number | undefined, maxBytes: number): InputLimitError {
  const message =
    bytes === undefined
      ? { zh: `输入超过上限 maxInputBytes（${maxBytes}）`, en: `the input is over the limit maxInputBytes (${maxBytes})` }
      : { zh: `输入为 ${bytes} 字节，超过上限 maxInputBytes（${maxBytes}）`, en: `the input is ${bytes} bytes, over the limit maxInputBytes (${maxBytes})` };
  return new InputLimitError([createIssue('limit', 'error', [], message, `at most ${maxBytes} bytes`)]);
}

/**
 * @internal Decodes UTF-8 strictly (a byte-order mark stays; the library skips it).
 *
 * @param bytes The bytes.
 * @param name The input's name for messages.
 * @returns The text.
 * @throws {JsonSyntaxError} When the bytes are not UTF-8 (e.g. GBK), naming the first bad byte.
 */
export function _decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const { line, column } = _lineColumn(loose, loose.indexOf('\uFFFD'));
    throw new JsonSyntaxError(name, line, column, {
      zh: '文件不是 UTF-8 编码（可能是 GBK），请用 UTF-8 另存',
      en: 'the file is not UTF-8 (GBK?); save it as UTF-8',
    });
  }
}

/**
 * @internal Parses UTF-8 JSON bytes, turning any syntax error into a {@link JsonSyntaxError}.
 *
 * @param bytes The file's bytes.
 * @param path The file name for messages.
 * @returns The parsed value.
 */
export function _parseJson(bytes: Uint8Array, path: string): unknown {
  const text = _decodeUtf8(bytes, path).replace(/^\uFEFF/u, '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw _jsonSyntaxError(text, path);
  }
}

/**
 * @internal When the library refused a JSON text as invalid JSON (its message is V8's, in English
 * only), the CLI's own error naming the line, column and what was expected, in both languages.
 *
 * @param error What the library threw.
 * @param text The JSON text the library was given.
 * @param name The input's name for messages.
 * @returns A {@link JsonSyntaxError}, or `error` itself when it is about something else.
 */
export function _explainInvalidJson(error: unknown, text: string, name: string): unknown {
  return _isInvalidJson(error instanceof GovReportError ? error.issues : []) ? _jsonSyntaxError(text.replace(/^\uFEFF/u, ''), name) : error;
}

/**
 * @internal Whether the library's issues say only that the input is not JSON.
 *
 * @param issues The issues of a refusal or a check.
 * @returns `true` for a lone `invalid_json` issue.
 */
export function _isInvalidJson(issues: readonly ReportIssue[]): boolean {
  return issues.length === 1 && issues[0]!.code === 'invalid_json';
}

/**
 * @internal The CLI's error for invalid JSON text: line, column and what was expected, in both languages.
 *
 * @param text The JSON text.
 * @param name The input's name for messages.
 * @returns The error.
 */
export function _jsonSyntaxError(text: string, name: string): JsonSyntaxError {

  let problem = _findJsonSyntaxError(text);
  if (problem === undefined) {
    // Only reached if the scan and V8 disagree: V8's position (or the end) and its English message.
    let message = 'invalid JSON';
    try {
      JSON.parse(text);
    } catch (error) {
      message = error instanceof Error ? error.message.split('\n')[0] ?? message : String(error);
    }
    const position = /at position (\d+)/u.exec(message)?.[1];
    problem = { offset: position === undefined ? text.length : Number(position), reason: { zh: message, en: message } };
  }
  const { line, column } = _lineColumn(text, problem.offset);
  return new JsonSyntaxError(name, line, column, problem.reason);
}

async function readStream(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.byteLength;
    // Stop reading at the limit: the rest of the stream is never held in memory.
    if (total > maxBytes) throw _inputLimitError(undefined, maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}
