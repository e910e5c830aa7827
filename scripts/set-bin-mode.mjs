// Sets the run bit on every file package.json's "bin" names (tsc writes them 0644), so the built
// CLI runs as `./dist/cli/bin.js` and from a linked or packed install. Windows has no run bit: chmod
// changes nothing there. Usage: node scripts/set-bin-mode.mjs [package folder, default: the working directory]
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const { bin } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const files = typeof bin === 'string' ? [bin] : Object.values(bin ?? {});
for (const file of files) {
  const path = resolve(root, file);
  // Adds x wherever r is set (0644 → 0755), as `chmod +x` does under a usual umask.
  const mode = statSync(path).mode & 0o777;
  chmodSync(path, mode | ((mode & 0o444) >> 2));
  console.log(`chmod ${(mode | ((mode & 0o444) >> 2)).toString(8)} ${file}`);
}
