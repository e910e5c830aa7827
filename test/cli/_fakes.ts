import { posix } from 'node:path';
import { vi } from 'vitest';
import type { CliApi } from '../../src/cli/api.ts';
import type { CliIo } from '../../src/cli/io.ts';
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
    stdout: (text) => void io.out.push(text),
    stderr: (text) => void io.err.push(text),
    readFile: async (path) => {
      const data = store.get(path);
      if (data === undefined) throw Object.assign(new Error(`ENOENT: no such file '${path}'`), { code: 'ENOENT' });
      return data;
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
      overrides.renderReport ?? (async () => ({ pdf: FAKE_PDF, warnings: [], pageCount: 3 })),
    ),
    validateReport: vi.fn<CliApi['validateReport']>(overrides.validateReport ?? ((input) => ({ ok: true, report: input as Report }))),
    reportJsonSchema: vi.fn<CliApi['reportJsonSchema']>(overrides.reportJsonSchema ?? (() => ({ type: 'object', title: 'fake' }))),
    createFormSkeleton: vi.fn<CliApi['createFormSkeleton']>(
      overrides.createFormSkeleton ?? ((version, year) => ({ form: version, meta: { year } })),
    ),
    planIssues: vi.fn<CliApi['planIssues']>(overrides.planIssues ?? (async () => [])),
    createRenderPool: vi.fn<CliApi['createRenderPool']>(
      overrides.createRenderPool ??
        (() => ({ render: async () => ({ pdf: FAKE_PDF, warnings: [], pageCount: 3 }), close: async () => undefined })),
    ),
  } satisfies CliApi;
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
