/**
 * Folders the test helpers read and write, resolved from this file so tests work from any cwd.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (the folder holding package.json). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Reviewed golden PNGs: `golden/<case>/page-<n>.png`. */
export const GOLDEN_DIR = join(REPO_ROOT, 'golden');

/** Git-ignored output of failed visual comparisons: `test/.artifacts/<case>/`. */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test', '.artifacts');

/** The example reports, `examples/*.json`. */
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** The layout presets, `layouts/*.json`. */
export const LAYOUTS_DIR = join(REPO_ROOT, 'layouts');

/** Reports built to land exactly on page boundaries (pagination rules), with goldens like the examples. */
export const BOUNDARY_CASES_DIR = join(REPO_ROOT, 'test', 'visual', 'cases');
