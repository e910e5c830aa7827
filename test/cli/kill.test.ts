import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// A render killed with SIGKILL at any moment leaves the old PDF or a complete new one at the
// target, never a truncated file (the CLI writes a temp file, fsyncs it, then renames).
const root = fileURLToPath(new URL('../../', import.meta.url));
const OLD = Buffer.from('%PDF-1.7\nthe previous report\n%%EOF\n');
let folder: string;
let input: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-kill-'));
  input = join(folder, 'big.json');
  const rows = Array.from({ length: 1500 }, (_, i) => ({ label: `第${i + 1}项`, values: [i, i * 2, i * 3] }));
  await writeFile(input, JSON.stringify({ meta: { title: '长报告', issuer: '机关', year: 2024 }, sections: [{ heading: '统计', content: [{ table: { corner: '项目', columns: ['甲', '乙', '丙'], rows } }] }] }));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

function renderAndKillAfter(ms: number, output: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/bin.ts'), 'render', input, '-o', output, '-q'], { cwd: root, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

const outcomes = new Set<'old' | 'new'>();

describe('render killed mid-way', () => {
  test.each([200, 800, 1600, 2400, 3200, 4000, 20_000])('SIGKILL after %i ms leaves the old file or a whole new PDF', async (ms) => {
    const output = join(folder, `out-${ms}.pdf`);
    await writeFile(output, OLD);
    await renderAndKillAfter(ms, output);
    const bytes = await readFile(output);
    const text = bytes.toString('latin1');
    const untouched = bytes.equals(OLD);
    const whole = text.startsWith('%PDF-') && text.trimEnd().endsWith('%%EOF') && /\/Type \/Page\b/u.test(text) && text.includes('startxref');
    expect(untouched || whole, `${output}: ${bytes.length} bytes, neither the old file nor a complete PDF`).toBe(true);
    outcomes.add(untouched ? 'old' : 'new');
    // Temporary files can be left by a kill, but never under the target's name.
    const strays = (await readdir(folder)).filter((name) => name.startsWith(`.out-${ms}.pdf.`));
    expect(strays.every((name) => name.endsWith('.tmp'))).toBe(true);
  }, 40_000);

  test('the kills landed both before and after the write (so both outcomes were really seen)', () => {
    expect([...outcomes].sort()).toEqual(['new', 'old']);
  });
});
