import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { createIssue } from '../issues/createIssue.ts';
import type { IssuePath, ReportIssue } from '../issues/issue.ts';
import type { Block, ImageSpec } from '../schema/content/content.ts';
import type { Report } from '../schema/report/report.ts';
import { isSupportedImage } from '../layout/flow/imageSize.ts';
import type { ResourcePolicy } from './options.ts';

/**
 * Turns every image of the report into bytes: base64 text is decoded; a `src` is read only when
 * the caller's policy allows that folder or URL prefix (by default nothing outside the report is
 * read). Every image must be a PNG or JPEG. Problems are returned as errors with their paths.
 *
 * @param report The validated report.
 * @param policy Allowed folders and URL prefixes.
 * @param maxBytes Largest image in bytes.
 * @returns The report with image bytes, and errors (`denied` are policy refusals).
 */
export async function resolveImages(
  report: Report,
  policy: ResourcePolicy,
  maxBytes: number,
): Promise<{ report: Report; errors: ReportIssue[]; denied: ReportIssue[] }> {
  const errors: ReportIssue[] = [];
  const denied: ReportIssue[] = [];
  const resolveImage = async (image: ImageSpec, path: IssuePath): Promise<ImageSpec> => {
    let data: Uint8Array | undefined;
    if (typeof image.data === 'string') data = decodeBase64(image.data);
    else if (image.data !== undefined) data = image.data;
    else if (image.src !== undefined) {
      const loaded = await loadSource(image.src, policy);
      if (loaded === 'denied') {
        denied.push(createIssue('resource_denied', 'error', [...path, 'src'], {
          zh: `不允许读取“${image.src}”；请直接传入图片数据（data），或在 resources 选项中允许该目录或网址`,
          en: `reading "${image.src}" is not allowed; pass the image bytes as data, or allow the folder or URL in the resources option`,
        }, 'image data, or a src the resources option allows'));
        return image;
      }
      if (loaded === 'unreadable') {
        errors.push(createIssue('image_unreadable', 'error', [...path, 'src'], { zh: `无法读取图片“${image.src}”`, en: `cannot read the image "${image.src}"` }));
        return image;
      }
      data = loaded;
    }
    const where = image.src !== undefined ? [...path, 'src'] : [...path, 'data'];
    if (data === undefined || data.byteLength > maxBytes || !isSupportedImage(data)) {
      errors.push(createIssue('image_format', 'error', where, {
        zh: data !== undefined && data.byteLength > maxBytes ? `图片超过 ${maxBytes} 字节上限` : '图片须为 PNG 或 JPEG 格式（base64 编码）',
        en: data !== undefined && data.byteLength > maxBytes ? `the image exceeds the limit of ${maxBytes} bytes` : 'an image must be PNG or JPEG (base64 in JSON)',
      }, 'PNG or JPEG bytes'));
      return image;
    }
    const { src: _src, ...rest } = image;
    return { ...rest, data };
  };
  const walk = async (blocks: readonly Block[], path: IssuePath): Promise<Block[]> =>
    Promise.all(
      blocks.map(async (block, index): Promise<Block> => {
        if (typeof block !== 'object' || block === null) return block;
        if ('image' in block) return { image: await resolveImage(block.image, [...path, index, 'image']) };
        if ('heading' in block && block.content !== undefined) return { ...block, content: await walk(block.content, [...path, index, 'content']) };
        return block;
      }),
    );
  const sections = (await walk(report.sections, ['sections'])) as Report['sections'];
  const attachments = report.attachments === undefined ? undefined : await Promise.all(
    report.attachments.map(async (attachment, index) => ({ ...attachment, content: await walk(attachment.content, ['attachments', index, 'content']) })),
  );
  return { report: { ...report, sections, ...(attachments === undefined ? {} : { attachments }) }, errors, denied };
}

function decodeBase64(text: string): Uint8Array {
  const comma = text.startsWith('data:') ? text.indexOf(',') : -1;
  return new Uint8Array(Buffer.from(comma >= 0 ? text.slice(comma + 1) : text, 'base64'));
}

async function loadSource(src: string, policy: ResourcePolicy): Promise<Uint8Array | 'denied' | 'unreadable'> {
  if (/^[a-z][a-z0-9+.-]*:/iu.test(src) && !/^[a-z]:[\\/]/iu.test(src)) {
    const allowed = (policy.allowedUrlPrefixes ?? []).some((prefix) => src.startsWith(prefix));
    if (!allowed) return 'denied';
    try {
      const response = await fetch(src, { redirect: 'error' });
      if (!response.ok) return 'unreadable';
      return new Uint8Array(await response.arrayBuffer());
    } catch {
      return 'unreadable';
    }
  }
  const directories = (policy.allowedDirectories ?? []).map((dir) => resolve(dir));
  const target = resolve(src);
  // Decide on the path as written first, so a denied path is never even looked up on disk.
  if (!directories.some((dir) => isInside(dir, target))) return 'denied';
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    return 'unreadable';
  }
  // Then on the real path, so a symlink inside an allowed folder cannot lead out of it.
  const roots = await Promise.all(directories.map((dir) => realpath(dir).catch(() => undefined)));
  if (!roots.some((root) => root !== undefined && isInside(root, real))) return 'denied';
  try {
    return new Uint8Array(await readFile(real));
  } catch {
    return 'unreadable';
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
