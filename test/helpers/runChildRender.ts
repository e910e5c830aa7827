/**
 * Runs {@link ./childRender.ts} in a child process (through tsx) and returns its result.
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** What the child reported. */
export interface ChildRenderResult {
  /** Whether the child's Node has `ArrayBuffer.prototype.transferToFixedLength` natively. */
  readonly nativeTransferToFixedLength: boolean;
  /** The rendered pages. */
  readonly pngs: readonly Buffer[];
}

/**
 * Renders a PDF in a fresh Node process.
 *
 * @param mode `helper` (our renderer) or `raw-no-polyfill` (the converter without the polyfill).
 * @param pdf The PDF bytes.
 * @param cwd The child's working directory.
 * @returns The child's result.
 */
export async function runChildRender(mode: 'helper' | 'raw-no-polyfill', pdf: Uint8Array, cwd: string): Promise<ChildRenderResult> {
  const dir = await mkdtemp(join(tmpdir(), 'gov-report-pdf-child-'));
  try {
    const input = join(dir, 'in.pdf');
    const output = join(dir, 'out.json');
    await writeFile(input, pdf);
    const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
    const script = fileURLToPath(new URL('./childRender.ts', import.meta.url));
    await promisify(execFile)(process.execPath, [tsxCli, script, mode, input, output], { cwd, timeout: 60_000 });
    const parsed = JSON.parse(await readFile(output, 'utf8')) as { nativeTransferToFixedLength: boolean; pngs: string[] };
    return { nativeTransferToFixedLength: parsed.nativeTransferToFixedLength, pngs: parsed.pngs.map((b) => Buffer.from(b, 'base64')) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
