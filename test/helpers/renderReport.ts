/**
 * Loads the library's `renderReport` for the end-to-end tests and lists their inputs: the example
 * reports and layout presets, and the fixed creation date that makes renders byte-stable.
 *
 * `renderReport` is imported at run time (its type statically) so that a missing or broken
 * `src/index.ts` makes {@link loadRenderReport} THROW with a clear message inside each test: the
 * tests that need it fail one by one (they never skip).
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BOUNDARY_CASES_DIR, EXAMPLES_DIR, LAYOUTS_DIR, REPO_ROOT } from './paths.ts';

/** The signature of the library's `renderReport` (type-checked against src/index.ts). */
export type RenderReport = (typeof import('../../src/index.ts'))['renderReport'];

/** The creation date of every end-to-end render (goldens depend on it). */
export const FIXED_CREATION_DATE = new Date('2021-01-15T00:00:00Z');

/** The layout presets the lead wants the seed examples rendered in. */
export const REQUIRED_PRESETS = ['gbt9704', 'compact'] as const;

/**
 * Imports `renderReport` from `src/index.ts`.
 *
 * @returns The function.
 */
export async function loadRenderReport(): Promise<RenderReport> {
  const url = pathToFileURL(join(REPO_ROOT, 'src', 'index.ts')).href;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`cannot import src/index.ts: ${(error as Error).message}`, { cause: error });
  }
  if (typeof mod.renderReport !== 'function') {
    throw new Error(`src/index.ts does not export a function \`renderReport\` (exports: ${Object.keys(mod).join(', ') || 'none'})`);
  }
  return mod.renderReport as RenderReport;
}

/** An example report. */
export interface ExampleCase {
  /** File name without `.json` (also the golden folder name). */
  readonly name: string;
  /** Absolute path of the JSON file. */
  readonly path: string;
}

function listJson(dir: string): ExampleCase[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name: basename(name, '.json'), path: join(dir, name) }));
}

/**
 * Lists `examples/*.json`, sorted by name.
 *
 * @returns The examples.
 */
export function listExamples(): ExampleCase[] {
  return listJson(EXAMPLES_DIR);
}

/**
 * Lists the boundary cases `test/visual/cases/*.json`: reports built so that a heading, a
 * paragraph's first or last line, or a table row lands exactly on a page break.
 *
 * @returns The cases.
 */
export function listBoundaryCases(): ExampleCase[] {
  return listJson(BOUNDARY_CASES_DIR);
}

/**
 * The seed examples: `examples/seed-*.json`.
 *
 * @returns The seed examples.
 */
export function listSeedExamples(): ExampleCase[] {
  return listExamples().filter((example) => example.name.startsWith('seed-'));
}

/**
 * Lists the preset names of `layouts/*.json`, sorted.
 *
 * @returns Preset names (file names without `.json`).
 */
export function listPresets(): string[] {
  return listJson(LAYOUTS_DIR).map((preset) => preset.name);
}

/**
 * Reads an example's JSON.
 *
 * @param example The example.
 * @returns The parsed JSON.
 */
export function readExample(example: ExampleCase): unknown {
  return JSON.parse(readFileSync(example.path, 'utf8')) as unknown;
}
