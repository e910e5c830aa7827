#!/usr/bin/env node
/**
 * Output fingerprints: renders every example (its own layout and, for the seed examples, every
 * preset in layouts/) and every visual boundary case (test/visual/cases) with a fixed creation
 * date, and records the SHA-256 of each PDF and of its warnings (codes and paths), and of the
 * report JSON Schema (its descriptions are the forms' labels).
 *
 *   node --import tsx scripts/compare-outputs.mjs           # compare with scripts/output-hashes.json
 *   node --import tsx scripts/compare-outputs.mjs --record  # write scripts/output-hashes.json
 *
 * A refactor that must not change the output keeps this at "all N outputs identical".
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReport, reportJsonSchema } from '../src/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const hashesFile = join(root, 'scripts', 'output-hashes.json');
const creationDate = new Date('2021-01-15T00:00:00Z');
const sha = (data) => createHash('sha256').update(data).digest('hex');
const jsonIn = (dir) => readdirSync(join(root, dir)).filter((n) => n.endsWith('.json')).sort().map((n) => ({ name: basename(n, '.json'), path: join(root, dir, n) }));

const presets = jsonIn('layouts').map((p) => p.name);
const cases = [];
for (const example of jsonIn('examples')) {
  cases.push({ name: example.name, path: example.path });
  if (example.name.startsWith('seed-')) for (const layout of presets) cases.push({ name: `${example.name}--${layout}`, path: example.path, layout });
}
for (const boundary of jsonIn('test/visual/cases')) cases.push({ name: boundary.name, path: boundary.path });

const results = {};
for (const c of cases) {
  const input = JSON.parse(readFileSync(c.path, 'utf8'));
  const result = await renderReport(input, { creationDate, ...(c.layout === undefined ? {} : { layout: c.layout }) });
  results[c.name] = {
    pdf: sha(result.pdf),
    pages: result.pageCount,
    warnings: sha(JSON.stringify(result.warnings.map((w) => [w.code, w.severity, w.path, w.pathText]))),
  };
}

// The JSON Schema carries the forms' labels as descriptions: moving the label tables must not change it.
results.reportJsonSchema = { sha: sha(JSON.stringify(reportJsonSchema())) };

if (process.argv.includes('--record')) {
  writeFileSync(hashesFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`recorded ${Object.keys(results).length} outputs in scripts/output-hashes.json`);
} else {
  const expected = JSON.parse(readFileSync(hashesFile, 'utf8'));
  const names = [...new Set([...Object.keys(expected), ...Object.keys(results)])].sort();
  const differ = names.filter((n) => JSON.stringify(expected[n]) !== JSON.stringify(results[n]));
  for (const n of differ) console.log(`DIFFERS ${n}: ${JSON.stringify(expected[n])} → ${JSON.stringify(results[n])}`);
  console.log(differ.length === 0 ? `all ${names.length} outputs identical` : `${differ.length} of ${names.length} outputs differ`);
  process.exitCode = differ.length === 0 ? 0 : 1;
}
