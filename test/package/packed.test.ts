/**
 * The package as a user installs it: `npm pack` (of the built dist/), installed into a fresh
 * project with `npm install --omit=optional` (so WITHOUT the default font packages), then used
 * from that project in child processes: fonts registered by path for every role, the error when a
 * role has no font, `require()`, the shipped JSON Schema, and the published type declarations
 * checked with `skipLibCheck: false`. Needs `npm run build` first (`npm test` does it) and the npm
 * registry or cache for the runtime dependencies.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRenderer, reportJsonSchema } from '../../src/index.ts';
import { EXAMPLES_DIR, REPO_ROOT } from '../helpers/paths.ts';

const run = promisify(execFile);
/** A TypeScript consumer of a Node library has Node's types; the same range as ours. */
const NODE_TYPES = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['@types/node']!;
const require = createRequire(import.meta.url);
const SEED = join(EXAMPLES_DIR, 'seed-2020-water-bureau.json');

/** Font files by path, one regular and one bold face per role (the repository's dev copies, plain files). */
const serif = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const serifBold = require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf');
const sans = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const sansBold = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
const FONTS_BY_PATH = {
  title: { path: serifBold },
  heading: { path: sansBold },
  kai: { path: serif, bold: { path: serifBold } },
  body: { path: serif, bold: { path: serifBold } },
  table: { path: sans, bold: { path: sansBold } },
  folio: { path: serif, bold: { path: serifBold } },
};

/** Debian's fonts-noto-cjk (OpenType collections; the face is named by its PostScript name). */
const DEBIAN_NOTO = '/usr/share/fonts/opentype/noto';
const debianFace = (file: string, postscriptName: string) => ({ path: join(DEBIAN_NOTO, file), postscriptName });
const FONTS_FROM_DEBIAN = {
  title: debianFace('NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold'),
  heading: debianFace('NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold'),
  kai: { ...debianFace('NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'), bold: debianFace('NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold') },
  body: { ...debianFace('NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'), bold: debianFace('NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold') },
  table: { ...debianFace('NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'), bold: debianFace('NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold') },
  folio: { ...debianFace('NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'), bold: debianFace('NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold') },
};

/** A script run in the consumer project: renders the seed with the given fonts and prints the outcome. */
const RENDER_SCRIPT = `
import { readFileSync } from 'node:fs';
import { createRenderer } from 'gov-report-pdf';
const [seed, fonts] = process.argv.slice(2);
try {
  const result = await createRenderer({ fonts: JSON.parse(fonts) }).render(JSON.parse(readFileSync(seed, 'utf8')));
  const head = Buffer.from(result.pdf.subarray(0, 5)).toString('latin1');
  console.log(JSON.stringify({ ok: true, pageCount: result.pageCount, head }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, name: error.name, code: error.code, message: error.message }));
}
`;

const CONSUMER_TS = `
import { renderReport, type ReportInput, type RenderOptions } from 'gov-report-pdf';
import schema from 'gov-report-pdf/schema.json' with { type: 'json' };

const report: ReportInput = { meta: { title: '报告', issuer: '机关', year: 2021 }, sections: [{ heading: '总体情况', content: ['正文。'] }] };
const options: RenderOptions = { layout: 'compact' };
void renderReport(report, options);
void schema;

// @ts-expect-error \`headng\` is not a key of a section
const misspelt: ReportInput = { meta: { title: '报告', issuer: '机关', year: 2021 }, sections: [{ headng: '总体情况' }] };
void misspelt;
// @ts-expect-error there is no preset gbt9705
const wrongPreset: RenderOptions = { layout: 'gbt9705' };
void wrongPreset;
`;

let workDir: string;
let project: string;

async function node(args: readonly string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [...args], { cwd: project, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

async function renderInProject(fonts: unknown): Promise<Record<string, unknown>> {
  return JSON.parse(await node(['render.mjs', SEED, JSON.stringify(fonts)])) as Record<string, unknown>;
}

beforeAll(async () => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  workDir = mkdtempSync(join(tmpdir(), 'gov-report-pdf-packed-'));
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', workDir], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  project = join(workDir, 'project');
  await run('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--omit=optional', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', join(workDir, packed!.filename), `@types/node@${NODE_TYPES}`], {
    cwd: project,
    timeout: 280_000,
  });
  writeFileSync(join(project, 'render.mjs'), RENDER_SCRIPT);
}, 300_000);

afterAll(() => {
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
});

describe('the packed package, installed with --omit=optional', () => {
  test('installs without the default font packages', () => {
    expect(existsSync(join(project, 'node_modules', 'gov-report-pdf', 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', '@expo-google-fonts'))).toBe(false);
  });

  test('renders the seed with a font file registered by path for every role, as many pages as in the repository', async () => {
    const outcome = await renderInProject(FONTS_BY_PATH);
    const here = await createRenderer({ fonts: FONTS_BY_PATH }).render(JSON.parse(readFileSync(SEED, 'utf8')));
    expect(outcome).toStrictEqual({ ok: true, pageCount: here.pageCount, head: '%PDF-' });
  });

  test('says which role has no font, which package to install and how to register a file instead', async () => {
    const { body, ...allButBody } = FONTS_BY_PATH;
    void body;
    const outcome = await renderInProject(allButBody);
    expect(outcome).toMatchObject({ ok: false, name: 'FontError', code: 'E_FONT' });
    const message = String(outcome.message);
    expect(message).toContain('"body"');
    expect(message).toContain('npm install @expo-google-fonts/noto-serif-sc');
    expect(message).toContain("fonts: { body: { path: '/path/to/font.ttf' } }");
    expect(message).toContain('fonts-noto-cjk');
  });

  test.skipIf(!existsSync(DEBIAN_NOTO))('renders the seed with Debian’s fonts-noto-cjk, registered by path and PostScript name', async () => {
    const outcome = await renderInProject(FONTS_FROM_DEBIAN);
    expect(outcome).toMatchObject({ ok: true, head: '%PDF-' });
    expect(outcome.pageCount).toBeGreaterThan(1);
  });

  test('loads with require() (CommonJS) on this Node, and ships the JSON Schema as gov-report-pdf/schema.json', async () => {
    const stdout = await node([
      '-e',
      "const m = require('gov-report-pdf'); const s = require('gov-report-pdf/schema.json'); " +
        'console.log(JSON.stringify({ renderReport: typeof m.renderReport, FontError: typeof m.FontError, schema: s }))',
    ]);
    const loaded = JSON.parse(stdout) as { renderReport: string; FontError: string; schema: unknown };
    expect([loaded.renderReport, loaded.FontError]).toStrictEqual(['function', 'function']);
    expect(loaded.schema).toStrictEqual(reportJsonSchema());
  });

  test('has type declarations that check with skipLibCheck: false and need no devDependency (only @types/node)', async () => {
    writeFileSync(join(project, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, noEmit: true, resolveJsonModule: true, types: ['node'] },
        files: ['consumer.ts'],
      }),
    );
    const tsc = require.resolve('typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', project], { cwd: project }).then(
      () => ({ exitCode: 0, output: '' }),
      (error: { code?: number; stdout?: string }) => ({ exitCode: error.code, output: String(error.stdout) }),
    );
    expect(result.output).toBe('');
    expect(result.exitCode).toBe(0);
  }, 240_000);
});
