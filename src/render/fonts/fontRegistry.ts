import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { TFontDictionary } from 'pdfmake/interfaces.js';
import { FONT_ROLES, type FontRole } from '../../schema/layoutPreset/layoutPreset.ts';
import { FontError } from '../../errors/errors.ts';
import type { FaceKey, FaceMetrics, TextMeasurer } from '../../text/measure/measure.ts';
import { parseFont, putVirtualFile, type FontkitFont } from './pdfmakeRuntime.ts';

const require = createRequire(import.meta.url);

/**
 * A font file registered for a role: a TTF/OTF path, or a TTC path with the face's PostScript
 * name. `bold` is the file used where the preset asks for a bold face of that role.
 */
export interface FontFileSpec {
  /** Path of the regular face (TTF, OTF or TTC). */
  readonly path: string;
  /** PostScript name of the face inside a TTC collection. */
  readonly postscriptName?: string;
  /** The bold face of the same family, if any (otherwise the regular file serves bold text of this role too). */
  readonly bold?: { readonly path: string; readonly postscriptName?: string };
}

/** A font file and, in a collection, the face to use. */
interface FaceSource {
  readonly path: string;
  readonly postscriptName?: string;
}

/** The registry's data: fonts/defaults.json (shipped with the package; see fonts/README.md). */
interface DefaultFonts {
  readonly faces: Record<string, { readonly package: string; readonly file: string }>;
  readonly roles: Record<FontRole, { readonly regular: string; readonly bold: string }>;
}

let defaults: Record<FontRole, { regular: FaceSource; bold: FaceSource }> | undefined;

/**
 * The free default faces by role, from fonts/defaults.json (Noto Serif SC and Noto Sans SC,
 * SIL Open Font License, standing in for 小标宋, 黑体, 楷体, 仿宋 and 宋体), resolved to the
 * installed font files once per process.
 */
function defaultFaces(): Record<FontRole, { regular: FaceSource; bold: FaceSource }> {
  if (defaults !== undefined) return defaults;
  const data = JSON.parse(readFileSync(new URL('../../../fonts/defaults.json', import.meta.url), 'utf8')) as DefaultFonts;
  const face = (name: string): FaceSource => {
    const entry = data.faces[name];
    if (entry === undefined) throw new FontError({ zh: `fonts/defaults.json 中没有字体“${name}”`, en: `fonts/defaults.json has no face "${name}"` });
    return { path: require.resolve(`${entry.package}/${entry.file}`) };
  };
  defaults = Object.fromEntries(
    FONT_ROLES.map((role) => [role, { regular: face(data.roles[role].regular), bold: face(data.roles[role].bold) }]),
  ) as Record<FontRole, { regular: FaceSource; bold: FaceSource }>;
  return defaults;
}

/** Font file bytes by absolute path: each file is read once per process and the same Buffer reused. */
const fileCache = new Map<string, Buffer>();

function readFont(path: string, role: string): Buffer {
  const absolute = resolve(path);
  let content = fileCache.get(absolute);
  if (content === undefined) {
    try {
      content = readFileSync(absolute);
    } catch (cause) {
      throw new FontError(
        { zh: `无法读取角色“${role}”的字体文件 ${absolute}；请检查路径`, en: `cannot read the font file ${absolute} for role "${role}"; check the path` },
        cause,
      );
    }
    fileCache.set(absolute, content);
  }
  return content;
}

/** The fonts of one renderer: metrics for the layout and font descriptors for pdfmake. */
export interface FontRegistry {
  /** The measuring engine backed by these fonts. */
  readonly measurer: TextMeasurer;
  /** pdfmake's font dictionary (a fresh object each call: pdfmake writes into it). */
  fontDictionary(): TFontDictionary;
  /** pdfmake family name of a face. */
  familyName(face: FaceKey): string;
}

/**
 * Loads the fonts of a renderer: the free defaults, replaced role by role by the caller's own
 * TTF/OTF/TTC files (e.g. 仿宋_GB2312 for `body`, 方正小标宋 for `title`). Files are read and
 * parsed once per process and shared by every renderer; registration itself is per renderer.
 *
 * @param custom Font files by role.
 * @returns The registry.
 */
export function createFontRegistry(custom: Partial<Record<FontRole, FontFileSpec>> = {}): FontRegistry {
  const defaults = defaultFaces();
  const faces = new Map<FaceKey, { source: FaceSource; buffer: Buffer; font: FontkitFont }>();
  for (const role of FONT_ROLES) {
    const spec = custom[role];
    const regular: FaceSource = spec === undefined ? defaults[role].regular : { path: spec.path, ...(spec.postscriptName === undefined ? {} : { postscriptName: spec.postscriptName }) };
    const bold: FaceSource = spec?.bold !== undefined ? { path: spec.bold.path, ...(spec.bold.postscriptName === undefined ? {} : { postscriptName: spec.bold.postscriptName }) } : spec !== undefined ? regular : defaults[role].bold;
    faces.set(role, load(regular, role));
    faces.set(`${role}-bold`, load(bold, `${role}-bold`));
  }
  const metricsCache = new Map<FaceKey, FaceMetrics>();
  const measurer: TextMeasurer = {
    face(face) {
      let metrics = metricsCache.get(face);
      if (metrics === undefined) {
        metrics = faceMetrics(faces.get(face)!.font);
        metricsCache.set(face, metrics);
      }
      return metrics;
    },
  };
  const familyName = (face: FaceKey) => `gov-report-pdf:${face}`;
  return {
    measurer,
    familyName,
    fontDictionary() {
      const dictionary: TFontDictionary = {};
      for (const [face, { source }] of faces) {
        const file = vfsName(source.path);
        const entry = source.postscriptName === undefined ? file : ([file, source.postscriptName] as unknown as string);
        dictionary[familyName(face)] = { normal: entry, bold: entry, italics: entry, bolditalics: entry };
      }
      return dictionary;
    },
  };
}

function vfsName(path: string): string {
  return `gov-report-pdf/fonts${resolve(path)}`;
}

function load(source: FaceSource, role: string): { source: FaceSource; buffer: Buffer; font: FontkitFont } {
  const buffer = readFont(source.path, role);
  putVirtualFile(vfsName(source.path), buffer);
  let font: FontkitFont;
  try {
    font = parseFont(buffer, source.postscriptName);
  } catch (cause) {
    throw new FontError(
      { zh: `角色“${role}”的字体文件 ${source.path} 无法解析；请使用 TTF、OTF 或 TTC 文件`, en: `the font file ${source.path} for role "${role}" cannot be parsed; use a TTF, OTF or TTC file` },
      cause,
    );
  }
  if (font === null || font === undefined || typeof (font as { glyphForCodePoint?: unknown }).glyphForCodePoint !== 'function') {
    throw new FontError({
      zh: `字体文件 ${source.path} 是字体集合（TTC），请用 postscriptName 指明其中的字体`,
      en: `the font file ${source.path} is a collection (TTC); name the face with postscriptName`,
    });
  }
  return { source, buffer, font };
}

function faceMetrics(font: FontkitFont): FaceMetrics {
  const advances = new Map<string, number>();
  const scale = 1 / font.unitsPerEm;
  return {
    ascent: font.ascent * scale,
    descent: -font.descent * scale,
    advance(char) {
      let width = advances.get(char);
      if (width === undefined) {
        width = font.glyphForCodePoint(char.codePointAt(0)!).advanceWidth * scale;
        advances.set(char, width);
      }
      return width;
    },
    hasGlyph: (codePoint) => font.hasGlyphForCodePoint(codePoint),
  };
}
