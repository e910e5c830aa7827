import { fileURLToPath } from 'node:url';
import type { CliIo } from './io.ts';

/**
 * @internal `package.json` of this package: two folders up from both `src/cli/` and `dist/cli/`.
 */
export const _PACKAGE_JSON_PATH = fileURLToPath(new URL('../../package.json', import.meta.url));

/**
 * @internal Reads the package version from `package.json`.
 *
 * @param io The io to read with.
 * @returns The version, e.g. `0.1.0`.
 */
export async function _readVersion(io: CliIo): Promise<string> {
  const text = new TextDecoder().decode(await io.readFile(_PACKAGE_JSON_PATH));
  const { version } = JSON.parse(text) as { version?: unknown };
  if (typeof version !== 'string') throw new Error(`package.json has no version (${_PACKAGE_JSON_PATH})`);
  return version;
}
