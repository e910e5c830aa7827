// Bundles the CLI (issue 16, one-shot start-up): dist/cli/bin.js, as tsc wrote it, becomes one ES
// module plus the chunks its lazy imports need, all in dist/cli/. Why: a fresh `gov-report-pdf render`
// spent about a quarter of its time resolving, reading and linking ~340 small ES modules (ours and
// zod's); a bundle of them loads in a few files (measured in bench/RESULTS.md). The library's own
// entry points (dist/index.js, dist/service, …) stay tsc's per-file output.
//
// What stays outside the bundle: every other dependency (pdfmake, pdfkit and fontkit are loaded
// through Node's module cache, which is where the per-process font cache and the measuring hook are
// installed; fastify, bullmq and the rest are loaded only by the commands that use them).
// Each module's `import.meta.url` is rewritten to the URL of its tsc output, so the files it finds
// relative to itself (layouts/, fonts/defaults.json, package.json, the pool's renderWorker.js) are
// the same files, bundled or not.
//
// Usage: node scripts/bundle-cli.mjs [package folder, default: the working directory]
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(process.argv[2] ?? '.');
const dist = resolve(root, 'dist');
const outdir = resolve(dist, 'cli');
const { dependencies = {} } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
/** Bundled: pure ES modules with no files of their own to find. */
const BUNDLED = new Set(['zod']);

const ownUrl = {
  name: 'own-import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(`${dist}/`)) return undefined;
      const contents = readFileSync(args.path, 'utf8');
      if (!contents.includes('import.meta.url')) return undefined;
      // Every output file lies in dist/cli/, so a path relative to that folder names the tsc output.
      const fromOutput = relative(outdir, args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(fromOutput)}, import.meta.url).href`;
      return { contents: contents.replaceAll('import.meta.url', url), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const result = await build({
  entryPoints: [resolve(outdir, 'bin.js')],
  outdir,
  entryNames: '[name]',
  chunkNames: 'bin.[name]-[hash]',
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
  plugins: [ownUrl],
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
});
const outputs = Object.keys(result.metafile.outputs);
const inputs = Object.keys(result.metafile.inputs).length;
console.log(`bundled the CLI: ${inputs} modules into ${outputs.length} files in ${relative(root, outdir)}/`);
