import { posix } from 'node:path';
import { vi } from 'vitest';
import type { CliApi } from '../../src/cli/api.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { ReportValidationError } from '../../src/errors/errors.ts';
import { createIssue } from '../../src/issues/createIssue.ts';
import type { IssuePath, IssueSeverity, ReportIssue } from '../../src/issues/issue.ts';
import type { Report } from '../../src/schema/report/report.ts';

/** The fake working directory. */
export const CWD = '/work/reports';

/** An in-memory io that records what the CLI printed and wrote. */
export interface FakeIo extends CliIo {
  /** Lines written to standard output. */
  readonly out: string[];
  /** Lines written to standard error. */
  readonly err: string[];
  /** Files by absolute path. */
  readonly files: Map<string, Uint8Array>;
  /** Bytes written to standard output with `writeStdout` (the PDF of `-o -`). */
  readonly stdoutBytes: Uint8Array[];
  /** What standard input holds (set it before running). */
  stdinText: string;
}

/**
 * An io over an in-memory file system rooted at {@link CWD}.
 *
 * @param files Files by path (relative to {@link CWD} or absolute), as text or bytes.
 * @returns The fake io.
 */
export function createFakeIo(files: Record<string, string | Uint8Array> = {}): FakeIo {
  const store = new Map<string, Uint8Array>();
  for (const [path, data] of Object.entries(files)) store.set(posix.resolve(CWD, path), toBytes(data));
  const io: FakeIo = {
    out: [],
    err: [],
    files: store,
    cwd: CWD,
    stdoutBytes: [],
    stdinText: '',
    stdout: (text) => void io.out.push(text),
    stderr: (text) => void io.err.push(text),
    stdin: {
      async *[Symbol.asyncIterator]() {
        yield new TextEncoder().encode(io.stdinText);
      },
    },
    writeStdout: async (data) => void io.stdoutBytes.push(data),
    readFile: async (path, maxBytes) => {
      const data = store.get(path);
      if (data === undefined) throw Object.assign(new Error(`ENOENT: no such file '${path}'`), { code: 'ENOENT' });
      if (maxBytes !== undefined && data.byteLength > maxBytes) throw Object.assign(new Error('EFBIG'), { code: 'EFBIG', size: data.byteLength });
      return data;
    },
    removeStaleTempFiles: async () => [],
    glob: async (pattern) => {
      // Only `*` within one folder: enough for the fake tests (the real glob is tested on the real file system).
      const matcher = new RegExp(`^${posix.resolve(CWD, pattern).replace(/[.+^${}()|[\]\\]/gu, '\\$&').replace(/\*/gu, '[^/]*')}$`, 'u');
      return [...store.keys()].filter((key) => matcher.test(key)).map((key) => posix.relative(CWD, key));
    },
    writeFileAtomic: async (path, data) => void store.set(path, toBytes(data)),
    exists: async (path) => store.has(path) || [...store.keys()].some((key) => key.startsWith(`${path}/`)),
    readdir: async (path) => {
      const names = [...store.keys()].filter((key) => posix.dirname(key) === path).map((key) => posix.basename(key));
      if (names.length === 0) throw Object.assign(new Error(`ENOENT: no such folder '${path}'`), { code: 'ENOENT' });
      return names;
    },
    isDirectory: async (path) => [...store.keys()].some((key) => key.startsWith(`${path}/`)),
    mkdir: async () => undefined,
    isTTY: false,
    progress: () => undefined,
    now: () => new Date('2025-03-01T00:00:00Z'),
  };
  return io;
}

/**
 * The text of a file the fake io holds.
 *
 * @param io The fake io.
 * @param path Path relative to {@link CWD}.
 * @returns The text, or `undefined`.
 */
export function readText(io: FakeIo, path: string): string | undefined {
  const data = io.files.get(posix.resolve(CWD, path));
  return data === undefined ? undefined : new TextDecoder().decode(data);
}

/** Fake PDF bytes returned by the fake renderer. */
export const FAKE_PDF = new TextEncoder().encode('%PDF-1.7\nfake\n%%EOF\n');

/**
 * A fake API whose functions are spies; override any of them.
 *
 * @param overrides Replacement functions.
 * @returns The fake API.
 */
export function createFakeApi(overrides: Partial<CliApi> = {}) {
  return {
    renderReport: vi.fn<CliApi['renderReport']>(
      overrides.renderReport ??
        (async (input) => {
          parseLikeTheLibrary(input);
          return { pdf: FAKE_PDF, warnings: [], pageCount: 3 };
        }),
    ),
    validateReport: vi.fn<CliApi['validateReport']>(overrides.validateReport ?? ((input) => ({ ok: true, report: input as Report }))),
    reportJsonSchema: vi.fn<CliApi['reportJsonSchema']>(overrides.reportJsonSchema ?? (() => ({ type: 'object', title: 'fake' }))),
    createFormSkeleton: vi.fn<CliApi['createFormSkeleton']>(
      overrides.createFormSkeleton ?? ((version, year) => ({ form: version, meta: { year } })),
    ),
    planIssues: vi.fn<CliApi['planIssues']>(
      overrides.planIssues ??
        (async (input) => {
          try {
            parseLikeTheLibrary(input);
          } catch (error) {
            return (error as ReportValidationError).issues;
          }
          return [];
        }),
    ),
    createRenderPool: vi.fn<CliApi['createRenderPool']>(
      overrides.createRenderPool ??
        (() => ({
          render: async (input) => {
            parseLikeTheLibrary(input);
            return { pdf: FAKE_PDF, warnings: [], pageCount: 3 };
          },
          close: async () => undefined,
        })),
    ),
  } satisfies CliApi;
}

/**
 * What the library does with JSON text or bytes before anything else: parse it, or refuse it with
 * one `invalid_json` issue (so the CLI's handling of that refusal is exercised with the fakes).
 *
 * @param input What the CLI handed the library.
 * @returns The parsed value.
 */
export function parseLikeTheLibrary(input: unknown): unknown {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) return input;
  try {
    return JSON.parse((typeof input === 'string' ? input : new TextDecoder().decode(input)).replace(/^\uFEFF/u, '')) as unknown;
  } catch {
    throw new ReportValidationError([createIssue('invalid_json', 'error', [], { zh: '不是有效的 JSON', en: 'not valid JSON' }, 'JSON text')]);
  }
}

/**
 * A report issue for tests.
 *
 * @param severity `error` or `warning`.
 * @param path The path.
 * @param zh Chinese message.
 * @param en English message.
 * @returns The issue.
 */
export function issue(severity: IssueSeverity, path: IssuePath, zh: string, en: string): ReportIssue {
  return createIssue(severity === 'error' ? 'test_error' : 'test_warning', severity, path, { zh, en });
}

/** A minimal report as JSON text. */
export const REPORT_JSON = JSON.stringify({ meta: { title: '测试', issuer: '某局', year: 2024 }, sections: [] }, null, 2);

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}
