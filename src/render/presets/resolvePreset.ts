import { readFileSync, readdirSync } from 'node:fs';
import { LayoutPresetError } from '../../errors/errors.ts';
import { layoutPresetSchema, type LayoutPreset } from '../../schema/layoutPreset/layoutPreset.ts';
import { toReportIssues } from '../../schema/toReportIssues/toReportIssues.ts';

/** The folder of built-in presets: `layouts/` at the package root (from src/render/presets or dist/render/presets). */
const LAYOUTS = new URL('../../../layouts/', import.meta.url);
const builtins = new Map<string, LayoutPreset>();

/**
 * Names of the built-in presets (`gbt9704`, `compact`, …).
 *
 * @returns The names, sorted.
 */
export function builtinPresetNames(): string[] {
  return readdirSync(LAYOUTS)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/**
 * Resolves a layout preset: a built-in name, or a preset object (e.g. parsed from the caller's
 * JSON file), validated with the preset schema so that a bad key fails with its path.
 *
 * @param preset A name or a preset object.
 * @returns The validated preset.
 */
export function resolvePreset(preset: string | Record<string, unknown>): LayoutPreset {
  if (typeof preset !== 'string') return validatePreset(preset);
  const known = builtinPresetNames();
  if (!known.includes(preset)) {
    throw new LayoutPresetError({
      zh: `未知的版式“${preset}”，可选：${known.join('、')}，或传入版式 JSON 文件`,
      en: `unknown layout "${preset}"; use one of ${known.join(', ')}, or pass a preset JSON file`,
    });
  }
  let loaded = builtins.get(preset);
  if (loaded === undefined) {
    loaded = validatePreset(JSON.parse(readFileSync(new URL(`${preset}.json`, LAYOUTS), 'utf8')) as unknown);
    builtins.set(preset, loaded);
  }
  return loaded;
}

function validatePreset(input: unknown): LayoutPreset {
  const result = layoutPresetSchema.safeParse(input);
  if (result.success) return result.data;
  throw new LayoutPresetError(
    { zh: '版式预设无效，请按下列路径修改', en: 'the layout preset is not valid; fix it at the paths below' },
    toReportIssues(result.error.issues, input),
  );
}
