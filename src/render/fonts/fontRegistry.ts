import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { FONT_ROLES, type FontRole } from '../../schema/layoutPreset/layoutPreset.ts';
import { FontError } from '../../errors/errors.ts';
import type { FaceKey, FaceMetrics, TextMeasurer } from '../../text/measure/measure.ts';
import { loadFontkit, parseFont, putVirtualFile, type FontkitFont, type PdfmakeFontDictionary } from './pdfmakeRuntime.ts';
import type { FontFileSpec } from './fontFileSpec.ts';
import { readFontFile } from './glyphPager.ts';
import { boundedMemo } from '../../text/boundedMemo/boundedMemo.ts';

export type { FontFileSpec } from './fontFileSpec.ts';

const require = createRequire(import.meta.url);

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

let defaultsData: DefaultFonts | undefined;

function defaultFonts(): DefaultFonts {
  defaultsData ??= JSON.parse(readFileSync(new URL('../../../fonts/defaults.json', import.meta.url), 'utf8')) as DefaultFonts;
  return defaultsData;
}

/**
 * The free default face of a role (Noto Serif SC or Noto Sans SC, SIL Open Font License, standing
 * in for 小标宋, 黑体, 楷体, 仿宋 and 宋体), resolved to the installed font file. Looked up only for
 * roles the caller registered no file for: the font packages are optional dependencies, and an
 * office that registers its own fonts for every role need not install them.
 *
 * @param role The role (its bold face when `weight` is `bold`).
 * @param weight Which face of the role.
 * @returns The font file.
 * @throws {FontError} When the package holding the face is not installed.
 */
function defaultFace(role: FontRole, weight: 'regular' | 'bold'): FaceSource {
  const data = defaultFonts();
  const name = data.roles[role][weight];
  const entry = data.faces[name];
  if (entry === undefined) throw new FontError({ zh: `fonts/defaults.json 中没有字体“${name}”`, en: `fonts/defaults.json has no face "${name}"` });
  try {
    return { path: require.resolve(`${entry.package}/${entry.file}`) };
  } catch (cause) {
    const label = weight === 'bold' ? `${role}（粗体）` : role;
    const labelEn = weight === 'bold' ? `${role} (bold)` : role;
    throw new FontError(
      {
        zh:
          `角色“${label}”没有登记字体，默认字体包 ${entry.package} 也未安装（缺少 ${entry.file}）。` +
          `请安装它（npm install ${entry.package}），或为该角色登记字体文件：createRenderer({ fonts: { ${role}: { path: '/path/to/font.ttf' } } })` +
          `（例如 Debian 软件包 fonts-noto-cjk 的 /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc，postscriptName 'NotoSerifCJKsc-Regular'）`,
        en:
          `no font is registered for role "${labelEn}" and its default font package ${entry.package} is not installed (missing ${entry.file}). ` +
          `Install it (npm install ${entry.package}) or register a font file for the role: createRenderer({ fonts: { ${role}: { path: '/path/to/font.ttf' } } }) ` +
          `(e.g. /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc from the Debian package fonts-noto-cjk, postscriptName 'NotoSerifCJKsc-Regular')`,
      },
      cause,
    );
  }
}

/** Font file bytes by absolute path: each file is read once per process and the same Buffer reused. */
const fileCache = new Map<string, Buffer>();

/**
 * Reads a font file. Only regular files are read: the file is opened without blocking and checked
 * before reading, so a FIFO or a device (`/dev/zero`, `/dev/stdin`) is refused at once instead of
 * hanging the render or reading without end.
 */
function readFont(path: string, role: string): Buffer {
  const absolute = resolve(path);
  let content = fileCache.get(absolute);
  if (content === undefined) {
    let fd: number;
    try {
      fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (cause) {
      throw new FontError(
        { zh: `无法读取角色“${role}”的字体文件 ${absolute}；请检查路径`, en: `cannot read the font file ${absolute} for role "${role}"; check the path` },
        cause,
      );
    }
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile()) {
        throw new FontError({
          zh: `角色“${role}”的字体路径 ${absolute} 不是普通文件（是目录、设备或管道）；请给出 TTF、OTF 或 TTC 文件的路径`,
          en: `the font path ${absolute} for role "${role}" is not a regular file (a directory, device or FIFO); give the path of a TTF, OTF or TTC file`,
        });
      }
      // Outlines on demand only when pdfkit parses fonts through our cache, whose glyph lookup
      // reads them (glyphPager); a pdfkit loaded before us would read zeros.
      content = readFontFile(fd, absolute, stats, loadFontkit().cacheInstalled);
    } catch (cause) {
      if (cause instanceof FontError) throw cause;
      throw new FontError(
        { zh: `无法读取角色“${role}”的字体文件 ${absolute}；请检查路径`, en: `cannot read the font file ${absolute} for role "${role}"; check the path` },
        cause,
      );
    } finally {
      closeSync(fd);
    }
    fileCache.set(absolute, content);
  }
  return content;
}

/** Checks the `fonts` option as a whole: an object whose keys are roles. */
function checkFontOption(custom: unknown): void {
  const roles = FONT_ROLES.join(', ');
  if (custom === null || typeof custom !== 'object' || Array.isArray(custom)) {
    throw new FontError({ zh: `fonts 选项不是对象；应为按角色（${roles}）登记的字体文件`, en: `the fonts option is not an object; it must map roles (${roles}) to font files` });
  }
  for (const key of Object.keys(custom)) {
    if (!(FONT_ROLES as readonly string[]).includes(key)) {
      throw new FontError({ zh: `fonts.${key}：没有这个字体角色；可用的角色是 ${roles}`, en: `fonts.${key}: there is no such font role; the roles are ${roles}` });
    }
  }
}

/**
 * Checks one role's entry of the `fonts` option (it may come from untyped JavaScript or JSON).
 *
 * @throws {FontError} When the entry is not `{ path: string, postscriptName?: string, bold?: { path, postscriptName? } }`.
 */
function checkFontSpec(role: FontRole, spec: unknown): FontFileSpec {
  const valid = `{ path: '/path/to/font.ttf', postscriptName?: string, bold?: { path: string, postscriptName?: string } }`;
  const refuse = (whatZh: string, whatEn: string): never => {
    throw new FontError({
      zh: `fonts.${role} ${whatZh}；应为 ${valid}，或省略该角色以使用默认字体`,
      en: `fonts.${role} ${whatEn}; it must be ${valid}, or leave the role out to use the default font`,
    });
  };
  const checkFace = (face: unknown, at: string): void => {
    if (face === null || typeof face !== 'object' || Array.isArray(face)) refuse(`${at}不是对象`, `${at}is not an object`);
    const { path, postscriptName } = face as { path?: unknown; postscriptName?: unknown };
    if (typeof path !== 'string' || path.trim() === '') refuse(`${at}的 path 不是非空字符串`, `${at}has a path that is not a non-empty string`);
    if (postscriptName !== undefined && typeof postscriptName !== 'string') refuse(`${at}的 postscriptName 不是字符串`, `${at}has a postscriptName that is not a string`);
  };
  checkFace(spec, '');
  const { bold } = spec as { bold?: unknown };
  if (bold !== undefined) checkFace(bold, 'bold ');
  return spec as FontFileSpec;
}

/** The fonts of one renderer: metrics for the layout and font descriptors for pdfmake. */
export interface FontRegistry {
  /** The measuring engine backed by these fonts. */
  readonly measurer: TextMeasurer;
  /** pdfmake's font dictionary (a fresh object each call: pdfmake writes into it). */
  fontDictionary(): PdfmakeFontDictionary;
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
  checkFontOption(custom);
  const faces = new Map<FaceKey, { source: FaceSource; buffer: Buffer; font: FontkitFont }>();
  for (const role of FONT_ROLES) {
    const spec = custom[role] === undefined ? undefined : checkFontSpec(role, custom[role]);
    const regular: FaceSource = spec === undefined ? defaultFace(role, 'regular') : { path: spec.path, ...(spec.postscriptName === undefined ? {} : { postscriptName: spec.postscriptName }) };
    const bold: FaceSource = spec?.bold !== undefined ? { path: spec.bold.path, ...(spec.bold.postscriptName === undefined ? {} : { postscriptName: spec.bold.postscriptName }) } : spec !== undefined ? regular : defaultFace(role, 'bold');
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
      const dictionary: PdfmakeFontDictionary = {};
      for (const [face, { source, buffer }] of faces) {
        const file = vfsName(source.path);
        // Put here, not when the face is loaded, so that a layout alone never loads pdfmake.
        putVirtualFile(file, buffer);
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

/** Characters whose metrics a face remembers before it starts afresh: bounds a long-lived service's memory whatever it is sent. */
const METRICS_MEMO_LIMIT = 65_536;

function faceMetrics(font: FontkitFont): FaceMetrics {
  const scale = 1 / font.unitsPerEm;
  return {
    ascent: font.ascent * scale,
    descent: -font.descent * scale,
    advance: boundedMemo(METRICS_MEMO_LIMIT, (char: string) => font.glyphForCodePoint(char.codePointAt(0)!).advanceWidth * scale),
    // Every character of every text is checked; fontkit looks each up in the cmap afresh.
    hasGlyph: boundedMemo(METRICS_MEMO_LIMIT, (codePoint: number) => font.hasGlyphForCodePoint(codePoint)),
  };
}
