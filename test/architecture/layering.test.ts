import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// The pipeline flows one way: schema → forms → layout → render → api/pool → cli and service. A stage never
// imports a later one; pdfmake stays inside src/render; file access stays at the edges.
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const LATER: Record<string, readonly string[]> = {
  issues: ['schema', 'forms', 'layout', 'render', 'api', 'pool', 'cli', 'service', 'queue', 'text'],
  errors: ['schema', 'forms', 'layout', 'render', 'api', 'pool', 'cli', 'service', 'queue', 'text'],
  schema: ['forms', 'layout', 'render', 'api', 'pool', 'cli', 'service', 'queue', 'text'],
  text: ['forms', 'layout', 'render', 'api', 'pool', 'cli', 'service', 'queue'],
  forms: ['layout', 'render', 'api', 'pool', 'cli', 'service', 'queue'],
  layout: ['render', 'api', 'pool', 'cli', 'service', 'queue'],
  render: ['api', 'pool', 'cli', 'service', 'queue'],
  api: ['pool', 'cli', 'service', 'queue'],
  pool: ['cli', 'service', 'queue'],
  // The service sits on top, beside the CLI (whose `serve` command starts it): it never imports the CLI.
  service: ['cli', 'queue'],
  // The queue sits on top too (its HTTP routes plug into the service, its PDFs go through the CLI's
  // atomic writer); nothing below it imports it.
};
const FILE_ACCESS_ALLOWED = ['cli/', 'queue/', 'render/', 'api/resolveImages.ts', 'pool/createRenderPool.ts', 'pool/lowerThreadPriority.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The modules a source imports or re-exports at run time (`import type` / `export type` left out). */
function valueImports(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\b(\s+type\b)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gmu)]
    .filter((match) => match[1] === undefined)
    .map((match) => match[2] ?? match[3] ?? '');
}

const files = sources(SRC).map((path) => {
  const text = readFileSync(path, 'utf8');
  const imports = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/gmu)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? '',
  );
  return { file: relative(SRC, path), imports };
});

describe('layering', () => {
  test('reads the sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test('no stage imports a later one', () => {
    const violations = files.flatMap(({ file, imports }) => {
      const stage = file.split('/')[0]!;
      const later = LATER[stage] ?? [];
      return imports
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(SRC, join(SRC, file, '..', spec)).split('/')[0]!)
        .filter((target) => later.includes(target))
        .map((target) => `${file} imports ${target}/`);
    });
    expect(violations).toEqual([]);
  });

  test('the layout imports nothing from forms or schema at run time (types only: facts travel as data)', () => {
    const layout = files.filter(({ file }) => file.startsWith('layout/'));
    expect(layout.length).toBeGreaterThan(10);
    const runtime = layout.flatMap(({ file }) =>
      valueImports(readFileSync(join(SRC, file), 'utf8'))
        .filter((spec) => spec.startsWith('.') && ['forms', 'schema'].includes(relative(SRC, join(SRC, file, '..', spec)).split('/')[0]!))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(runtime).toEqual([]);
  });

  test('valueImports tells a value import from a type-only one', () => {
    const text = [
      "import { isFormTable } from '../../forms/resolveFormBlock/resolveFormBlock.ts';",
      "import type { ResolvedReport } from '../../forms/resolvedReport/resolvedReport.ts';",
      "export type { SetContext } from './setContext.ts';",
      "export { paginate } from './paginate.ts';",
      "const lazy = await import('../../schema/report/report.ts');",
    ].join('\n');
    expect(valueImports(text)).toEqual(['../../forms/resolveFormBlock/resolveFormBlock.ts', './paginate.ts', '../../schema/report/report.ts']);
  });

  test('pdfmake is imported only in src/render', () => {
    const outside = files.filter(({ file, imports }) => !file.startsWith('render/') && imports.some((spec) => spec.startsWith('pdfmake')));
    expect(outside.map(({ file }) => file)).toEqual([]);
  });

  test('node:fs is used only at the edges (CLI, font and preset loading, image sources, the worker file)', () => {
    const outside = files.filter(
      ({ file, imports }) => imports.some((spec) => spec === 'node:fs' || spec === 'node:fs/promises') && !FILE_ACCESS_ALLOWED.some((allowed) => file.startsWith(allowed)),
    );
    expect(outside.map(({ file }) => file)).toEqual([]);
  });

  test('only the CLI entry point touches process', () => {
    const users = files.filter(({ file }) => /\bprocess\.(argv|exit|stdout|stderr|env|cwd)\b/u.test(readFileSync(join(SRC, file), 'utf8')));
    expect(users.map(({ file }) => file)).toEqual(['cli/bin.ts']);
  });
});
