import { resolve } from 'node:path';
import { CliFileError, JsonSyntaxError } from './errors.ts';
import { _findJsonSyntaxError, _lineColumn } from './_findJsonSyntaxError.ts';
import type { CliIo } from './io.ts';

/**
 * @internal Reads and parses a UTF-8 JSON file (a byte-order mark is allowed).
 *
 * @param io The io (its `cwd` resolves relative paths).
 * @param path The path as the user wrote it (also used in messages).
 * @returns The parsed value.
 * @throws {CliFileError} `E_READ_FILE` when the file cannot be read.
 * @throws {JsonSyntaxError} `E_INVALID_JSON` with line and column when it is not UTF-8 JSON.
 */
export async function _readJsonFile(io: CliIo, path: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(resolve(io.cwd, path));
  } catch (error) {
    throw new CliFileError('E_READ_FILE', path, error);
  }
  return _parseJson(bytes, path);
}

/**
 * @internal Parses UTF-8 JSON bytes, turning any syntax error into a {@link JsonSyntaxError}.
 *
 * @param bytes The file's bytes.
 * @param path The file name for messages.
 * @returns The parsed value.
 */
export function _parseJson(bytes: Uint8Array, path: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const { line, column } = _lineColumn(loose, loose.indexOf('\uFFFD'));
    throw new JsonSyntaxError(path, line, column, {
      zh: '文件不是 UTF-8 编码（可能是 GBK），请用 UTF-8 另存',
      en: 'the file is not UTF-8 (GBK?); save it as UTF-8',
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const problem = _findJsonSyntaxError(text) ?? fromV8(error, text);
    const { line, column } = _lineColumn(text, problem.offset);
    throw new JsonSyntaxError(path, line, column, problem.reason);
  }
}

/** Fallback if the scan and V8 disagree: V8's position (or the end) and its English message. */
function fromV8(error: unknown, text: string) {
  const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
  const position = /at position (\d+)/u.exec(message)?.[1];
  return { offset: position === undefined ? text.length : Number(position), reason: { zh: message, en: message } };
}
