// The attacks of issue 10 (points 1, 2, 3, 6 and 7), each in a fresh process under /usr/bin/time: the
// outcome (a named error code), the time of the library call, the process's wall time and peak RSS, and
// for the URL attacks the requests a real loopback server saw outside the allowed prefix.
//
//   npm run build && node bench/attacks.mjs               # every attack (~1–2 min; builds bench/out/attacks/bomb.png once)
//   node bench/attacks.mjs --only url-dot-dot,fifo-in-allowed-folder
//
// Writes bench/out/attacks.json and prints a markdown table.
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createDeflate, deflateSync } from 'node:zlib';
import { opt } from './args.mjs';
import { runMeasured, lastJson } from './proc.mjs';
import { benchDir, repoDir } from './reports.mjs';
import { tsImport } from 'tsx/esm/api';

// The image tests' PNG encoder (TypeScript, loaded through tsx's API: `node bench/….mjs` still runs).
const { pngOf, ihdr } = await tsImport('../test/fuzz/imageSamples.ts', import.meta.url);

const ATTACKS = [
  'png-bad-filter-rgba', 'png-bad-filter-interlaced', 'png-2^31-header', 'png-30000²-68-bytes', 'png-30000²-real-bomb',
  'jpeg-truncated', 'jpeg-65535²', 'check-bad-png (CLI)',
  '16-tables-×-20000-rows', '40-cols-×-120-rows-×-500-chars',
  'url-dot-dot', 'url-%2e%2e', 'url-backslash', 'url-redirect-out', 'url-never-answers', 'url-endless-2gb-stream', 'url-claims-2gb',
  'fifo-in-allowed-folder',
];

const folder = join(benchDir, 'out', 'attacks');
mkdirSync(folder, { recursive: true });


/** The issue's "3.5 MB real" bomb: a 30000 × 30000 RGBA PNG whose IDAT really inflates to 3.6 GB of zeros. */
async function buildRealBomb(path) {
  if (existsSync(path)) return;
  const header = ihdr(30_000, 30_000, 8, 6);
  const row = Buffer.alloc(30_000 * 4 + 1);
  const parts = [];
  await pipeline(Readable.from((function* () { for (let y = 0; y < 30_000; y++) yield row; })()), createDeflate({ level: 9 }), async function* (source) {
    for await (const piece of source) parts.push(piece);
  });
  writeFileSync(path, pngOf(header, Buffer.concat(parts)));
}

const only = opt('only')?.split(',');
const selected = ATTACKS.filter((name) => only === undefined || only.includes(name));
if (selected.includes('png-30000²-real-bomb')) await buildRealBomb(join(folder, 'bomb.png'));
rmSync(join(folder, 'fifo.png'), { force: true });
execFileSync('mkfifo', [join(folder, 'fifo.png')]);
// A bad PNG on disk for the CLI's check.
// The 74-byte crash: a 1 × 1 RGBA PNG whose only row has the filter byte 5.
const badPng = pngOf(ihdr(1, 1, 8, 6), deflateSync(Buffer.from([5, 1, 2, 3, 4])));
writeFileSync(join(folder, 'bad-report.json'), JSON.stringify({ meta: { title: '攻击', issuer: '某局', year: 2020 }, sections: [{ heading: '一', content: [{ image: { data: Buffer.from(badPng).toString('base64') } }] }] }));

const seen = [];
let endlessBytes = 0;
const server = createServer((request, response) => {
  const path = request.url ?? '';
  seen.push(path);
  if (path === '/ok/redirect') return void response.writeHead(302, { location: '/secret.png' }).end();
  if (path === '/ok/hang') return;
  if (path === '/ok/claims-2gb') return void response.writeHead(200, { 'content-length': String(2 * 1024 ** 3) }).write(Buffer.alloc(1024));
  if (path === '/ok/endless') {
    response.writeHead(200);
    const piece = Buffer.alloc(256 * 1024, 1);
    const pump = () => {
      while (!response.destroyed && endlessBytes < 2 * 1024 ** 3 && response.write(piece)) endlessBytes += piece.length;
      if (!response.destroyed && endlessBytes < 2 * 1024 ** 3) response.once('drain', pump);
      else response.end();
    };
    return pump();
  }
  response.end('secret');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

const rows = [];
for (const attack of selected) {
  seen.length = 0;
  endlessBytes = 0;
  const args = attack === 'check-bad-png (CLI)'
    ? [join(repoDir, 'dist', 'cli', 'bin.js'), 'check', join(folder, 'bad-report.json'), '--lang', 'en']
    : [tsx, join(benchDir, 'attackChild.ts'), attack, base, folder];
  const run = await runMeasured(process.execPath, args, { timeoutMs: 240_000 });
  let child;
  if (attack === 'check-bad-png (CLI)') child = { code: `exit ${run.code}`, issue: run.stdout.trim().split('\n')[0] };
  else {
    try {
      child = lastJson(run.stdout);
    } catch {
      child = { code: `CRASHED exit ${run.code}`, issue: run.stderr.trim().split('\n').slice(-2).join(' | ') };
    }
  }
  const row = {
    attack, ...child, wallS: Math.round(run.wall_ms / 100) / 10, peakRssMb: run.max_rss_kb === null ? null : Math.round(run.max_rss_kb / 1024),
    requestsOutsidePrefix: seen.filter((path) => !path.startsWith('/ok/')).length, bytesServed: endlessBytes, load: run.load_before[0],
  };
  rows.push(row);
  console.error(JSON.stringify(row));
}
server.closeAllConnections();
server.close();
rmSync(join(folder, 'fifo.png'), { force: true });
writeFileSync(join(benchDir, 'out', 'attacks.json'), `${JSON.stringify(rows, null, 2)}\n`);
console.log('| attack | outcome | first issue | call ms (warm) | wall s (whole process) | peak RSS MB | requests outside prefix |\n| --- | --- | --- | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(`| ${row.attack} | ${row.code} | ${String(row.issue ?? '').replaceAll('|', '\\|').slice(0, 110)} | ${row.callMs ?? ''} | ${row.wallS} | ${row.peakRssMb} | ${row.attack.startsWith('url') ? row.requestsOutsidePrefix : ''} |`);
}
