/**
 * The long full-render soak of issue 7: `npx tsx test/fuzz/soak.ts --runs 5000 [--seed 42]
 * [--timeout-ms 15000] [--kinds valid,mutated,json,random]`.
 *
 * Sends valid, mutated, JSON-text and random reports through `renderReport` and prints how each
 * ended: `pdf`, `GovReportError <code>`, `NOT A LIBRARY ERROR <message>` (a bug), or `HANG`. The
 * first input of every bug kind is printed (truncated) with its index, so it can be replayed
 * with the same seed. Exits with status 1 if any bug or hang was seen.
 *
 * Only promise-level hangs are caught by the timeout; a synchronous endless loop blocks the
 * script itself (the elapsed time printed every 250 runs shows where it stopped).
 */
import fc from 'fast-check';
import { renderReport } from '../../src/index.ts';
import { GovReportError } from '../../src/errors/errors.ts';
import {
  jsonTextCaseArb,
  materializeJsonText,
  materializeMutated,
  mutatedCaseArb,
  randomInputArb,
  validReportArb,
} from './arbitraries.ts';
import { pollutionProblems, prototypeSnapshot, thrownProblems } from './checkOutcome.ts';

/** Command-line options of the soak. */
interface SoakOptions {
  /** Inputs to render. */
  readonly runs: number;
  /** fast-check seed (the same seed gives the same inputs). */
  readonly seed: number;
  /** Time after which a render counts as hung. */
  readonly timeoutMs: number;
  /** Which kinds of input to draw from, in rotation. */
  readonly kinds: readonly InputKind[];
}

/** Kinds of soak input. */
type InputKind = 'valid' | 'mutated' | 'json' | 'random';

const KINDS: readonly InputKind[] = ['valid', 'mutated', 'json', 'random'];

/**
 * Parses `--runs`, `--seed`, `--timeout-ms` and `--kinds`.
 *
 * @param argv The arguments after the script name.
 * @returns The options.
 */
export function parseSoakArgs(argv: readonly string[]): SoakOptions {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    if (index >= 0) return argv[index + 1];
    const inline = argv.find((arg) => arg.startsWith(`${name}=`));
    return inline?.slice(name.length + 1);
  };
  const runs = Number(value('--runs') ?? '1000');
  const seed = Number(value('--seed') ?? String(Date.now() % 2_147_483_647));
  const timeoutMs = Number(value('--timeout-ms') ?? '15000');
  const kinds = (value('--kinds') ?? KINDS.join(',')).split(',').filter((kind): kind is InputKind => (KINDS as readonly string[]).includes(kind));
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (!(timeoutMs > 0)) throw new Error('--timeout-ms must be positive');
  if (kinds.length === 0) throw new Error(`--kinds must list some of ${KINDS.join(', ')}`);
  return { runs, seed, timeoutMs, kinds };
}

function sampleInputs(kind: InputKind, count: number, seed: number): unknown[] {
  switch (kind) {
    case 'valid':
      return fc.sample(validReportArb({ exotic: 2, binaryImages: true }), { numRuns: count, seed });
    case 'mutated':
      return fc.sample(mutatedCaseArb(), { numRuns: count, seed }).map(materializeMutated);
    case 'json':
      return fc.sample(jsonTextCaseArb, { numRuns: count, seed }).map(materializeJsonText);
    case 'random':
      return fc.sample(randomInputArb, { numRuns: count, seed });
  }
}

function preview(input: unknown): string {
  try {
    const text = typeof input === 'string' ? input : JSON.stringify(input);
    return text === undefined ? String(input) : text.length > 2_000 ? `${text.slice(0, 2_000)}… (${text.length} chars)` : text;
  } catch {
    return `[${typeof input} that JSON.stringify cannot write]`;
  }
}

async function settle(input: unknown, timeoutMs: number): Promise<{ outcome: string; bug?: string; ms: number }> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), timeoutMs);
  });
  try {
    const result = await Promise.race([renderReport(input), hang]);
    const ms = performance.now() - start;
    if (result === 'hang') return { outcome: 'HANG', bug: `no result after ${timeoutMs} ms`, ms };
    const head = Buffer.from(result.pdf.subarray(0, 5)).toString('latin1');
    return head === '%PDF-' ? { outcome: 'pdf', ms } : { outcome: 'NOT A PDF', bug: `bytes start with ${JSON.stringify(head)}`, ms };
  } catch (error) {
    const ms = performance.now() - start;
    const problems = thrownProblems(error);
    if (problems.length === 0) return { outcome: `GovReportError ${(error as GovReportError).code}`, ms };
    const first = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
    return { outcome: `NOT A LIBRARY ERROR ${first.slice(0, 120)}`, bug: problems.join('\n'), ms };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs the soak and prints the counts.
 *
 * @param options What to run.
 * @returns The number of bugs and hangs seen.
 */
export async function soak(options: SoakOptions): Promise<number> {
  const prototypesBefore = prototypeSnapshot();
  const counts = new Map<string, number>();
  const byKind = new Map<string, number>();
  const slowest: { ms: number; kind: InputKind; index: number }[] = [];
  let bugs = 0;
  const started = performance.now();
  console.log(`soak: ${options.runs} renders, seed ${options.seed}, kinds ${options.kinds.join(',')}, timeout ${options.timeoutMs} ms`);
  const perKind = Math.ceil(options.runs / options.kinds.length);
  const batches = new Map(options.kinds.map((kind, i) => [kind, sampleInputs(kind, perKind, options.seed + i)] as const));
  for (let index = 0; index < options.runs; index += 1) {
    const kind = options.kinds[index % options.kinds.length]!;
    const input = batches.get(kind)![Math.floor(index / options.kinds.length)];
    const { outcome, bug, ms } = await settle(input, options.timeoutMs);
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    const kindLabel = `${kind} → ${outcome.startsWith('GovReportError') || outcome.startsWith('NOT A LIBRARY') ? outcome.split(' ').slice(0, outcome.startsWith('NOT') ? 4 : 1).join(' ') : outcome}`;
    byKind.set(kindLabel, (byKind.get(kindLabel) ?? 0) + 1);
    slowest.push({ ms, kind, index });
    slowest.sort((a, b) => b.ms - a.ms).splice(5);
    if (bug !== undefined) {
      bugs += 1;
      if (counts.get(outcome) === 1) console.log(`\n#${index} (${kind}) ${outcome}\n${bug}\ninput: ${preview(input)}\n`);
    }
    if ((index + 1) % 250 === 0) console.log(`… ${index + 1} renders, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${options.runs} renders in ${seconds.toFixed(1)} s (${((seconds * 1000) / options.runs).toFixed(1)} ms each)`);
  console.log('\noutcomes:');
  for (const [outcome, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(6)}  ${outcome}`);
  console.log('\nby input kind:');
  for (const [outcome, count] of [...byKind].sort()) console.log(`  ${String(count).padStart(6)}  ${outcome}`);
  console.log(`\nslowest: ${slowest.map((s) => `#${s.index} (${s.kind}) ${s.ms.toFixed(0)} ms`).join(', ')}`);
  const polluted = pollutionProblems(prototypesBefore);
  if (polluted.length > 0) {
    bugs += polluted.length;
    console.log(`\nPROTOTYPE POLLUTION: ${polluted.join('; ')}`);
  }
  console.log(bugs === 0 ? '\nno bugs: every render ended in a PDF or a GovReportError' : `\n${bugs} bug(s) or hang(s)`);
  return bugs;
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/gu, '/').split('/').pop()!);
if (isMain) {
  const options = parseSoakArgs(process.argv.slice(2));
  soak(options).then(
    (bugs) => {
      process.exitCode = bugs === 0 ? 0 : 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
