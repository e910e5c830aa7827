// Checks the package as npm would publish it: packs the built dist/ (run `npm run build` first),
// then runs publint and arethetypeswrong on the tarball. attw's node16 profile: Node 10 resolution
// (no exports map) is not supported by any Node in engines; cjs-resolves-to-esm is ignored because
// require() of the ESM entry works unflagged on every Node that engines allows (^20.19 || >=22.12),
// which test/package/packed.test.ts checks in a child process.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'gov-report-pdf-check-'));
try {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  const tarball = join(dir, packed.filename);
  execFileSync('npx', ['publint', '--strict', tarball], { stdio: 'inherit' });
  execFileSync('npx', ['attw', tarball, '--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm'], { stdio: 'inherit' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
