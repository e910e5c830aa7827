import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseTempFileName } from '../../src/cli/writeFileAtomic.ts';

// `batch` killed with SIGKILL at random moments: every PDF under its final name is complete, every
// other file it left is a recognisable temp file of the killed process, and the next run in that
// folder removes them. Temp files are visible while a PDF is being written (Node cannot create an
// unnamed file and link it in), so the cleanup at the start of a run is what keeps folders clean.
const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = join(root, 'examples/seed-2020-generic-tables.json');
const REPORTS = 6;
const SEED = 20_261_128;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-batch-kill-'));
  await mkdir(join(folder, 'in'));
  for (let i = 0; i < REPORTS; i++) await copyFile(seed, join(folder, 'in', `r${i}.json`));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** A small deterministic generator, so a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * Runs `batch`; with `kill`, sends SIGKILL `kill.extraMs` after the `kill.afterRecords`-th JSON line
 * (progress, not wall time, so the moment falls mid-batch however loaded the machine is).
 */
function batch(kill?: { afterRecords: number; extraMs: number }): Promise<{ pid: number; records: number; signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/bin.ts'), 'batch', join(folder, 'in'), '-o', join(folder, 'out'), '--jobs', '2', '-q'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let records = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      records += chunk.split('\n').length - 1;
      if (kill !== undefined && timer === undefined && records >= kill.afterRecords) timer = setTimeout(() => child.kill('SIGKILL'), kill.extraMs);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ pid: child.pid!, records, code, signal });
    });
  });
}

async function checkFolder(killedPids: ReadonlySet<number>): Promise<{ pdfs: number; temps: string[] }> {
  const names = await readdir(join(folder, 'out')).catch(() => [] as string[]);
  const temps: string[] = [];
  let pdfs = 0;
  for (const name of names) {
    if (name.endsWith('.pdf')) {
      const text = (await readFile(join(folder, 'out', name))).toString('latin1');
      expect(text.startsWith('%PDF-') && text.trimEnd().endsWith('%%EOF'), `${name} is not a complete PDF`).toBe(true);
      pdfs += 1;
      continue;
    }
    const temp = parseTempFileName(name);
    expect(temp, `${name} is neither a PDF nor a recognisable temp file`).toBeDefined();
    expect(killedPids.has(temp!.pid), `${name} belongs to no killed run`).toBe(true);
    temps.push(name);
  }
  return { pdfs, temps };
}

describe('batch killed at random moments', () => {
  test(`SIGKILL at 4 random moments (seed ${SEED}), then a whole run: only complete PDFs, no temp files left`, async () => {
    const next = random(SEED);
    const killed = new Set<number>();
    const outcomes: string[] = [];
    let midway = 0;
    for (let round = 0; round < 4; round++) {
      const kill = { afterRecords: 1 + Math.floor(next() * (REPORTS - 2)), extraMs: Math.floor(next() * 500) };
      // Each round starts without PDFs, so the count shows how far the killed run got.
      for (const name of await readdir(join(folder, 'out')).catch(() => [] as string[])) {
        if (name.endsWith('.pdf')) await rm(join(folder, 'out', name));
      }
      const { pid, signal, records } = await batch(kill);
      killed.add(pid);
      const { pdfs, temps } = await checkFolder(killed);
      outcomes.push(`kill ${kill.extraMs} ms after record ${kill.afterRecords}: ${signal ?? 'finished'}, ${records} records, ${pdfs} PDFs, ${temps.length} temp`);
      if (signal === 'SIGKILL' && pdfs > 0 && pdfs < REPORTS) midway += 1;
      // What a kill between open and rename leaves (the window is a few ms, so the random kills
      // rarely land in it): a temp file under the killed process's id.
      await writeFile(join(folder, 'out', `.r${round}.pdf.gov-report-pdf-${pid}-${'0'.repeat(12)}.tmp`), '%PDF-1.7 partial');
    }
    const last = await batch();
    expect(last.code, outcomes.join('\n')).toBe(0);
    const { pdfs, temps } = await checkFolder(killed);
    expect({ pdfs, temps }).toEqual({ pdfs: REPORTS, temps: [] });
    // The kills landed while PDFs were being written (some but not all were there).
    expect(midway, outcomes.join('\n')).toBeGreaterThan(0);
  }, 300_000);
});
