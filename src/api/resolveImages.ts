import { constants as fsConstants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { createIssue } from '../issues/createIssue.ts';
import type { BilingualText, IssuePath, ReportIssue } from '../issues/issue.ts';
import type { Block, ImageSpec } from '../schema/content/content.ts';
import type { InputLimits } from '../schema/limits/limits.ts';
import type { Report } from '../schema/report/report.ts';
import { checkImage } from './checkImage/checkImage.ts';
import type { ResourcePolicy } from './options.ts';
import { checkUrl, type UrlRefusal } from './urlPolicy/urlPolicy.ts';

/** Default time for one fetch, from connecting to the last byte. */
export const DEFAULT_FETCH_TIMEOUT_MS = 10_000;
/** Default time for all the fetches of one report together. */
export const DEFAULT_TOTAL_FETCH_TIMEOUT_MS = 30_000;
/** Redirects followed (each re-checked against the allowed prefixes) before giving up. */
const MAX_REDIRECTS = 3;

/** The limits {@link resolveImages} enforces. */
export type ImageLimits = Pick<InputLimits, 'maxImageBytes' | 'maxImagePixels' | 'maxTotalImageBytes' | 'maxTotalImagePixels'>;

/** A refusal to read a source, or the reason it could not be read. */
type LoadFailure = { readonly denied: BilingualText } | { readonly unreadable: BilingualText };

/**
 * Turns every image of the report into checked bytes, one image at a time in print order:
 * base64 text is decoded; a `src` is read only when the caller's policy allows that folder or
 * URL prefix (by default nothing outside the report is read) — URLs are judged after WHATWG
 * normalisation, redirects are re-checked, every fetch has a time limit and stops reading at
 * `maxImageBytes`; files must be regular files inside an allowed folder (after resolving
 * symlinks) and are read up to `maxImageBytes`. Every image is then decoded far enough to be sure
 * pdfkit can embed it ({@link checkImage}), and the report's images together stay within
 * `maxTotalImageBytes` and `maxTotalImagePixels`. Never rejects for bad input: problems are
 * returned as issues with their paths.
 *
 * @param report The validated report.
 * @param policy Allowed folders and URL prefixes, and fetch time limits.
 * @param limits Image limits.
 * @returns The report with image bytes, and errors (`denied` are policy refusals, `errors` are E_IMAGE issues).
 */
export async function resolveImages(
  report: Report,
  policy: ResourcePolicy,
  limits: ImageLimits,
): Promise<{ report: Report; errors: ReportIssue[]; denied: ReportIssue[] }> {
  const errors: ReportIssue[] = [];
  const denied: ReportIssue[] = [];
  // One deadline for every fetch of this report, so a report naming many slow URLs cannot hold a render for long.
  const deadline = AbortSignal.timeout(policy.totalTimeoutMs ?? DEFAULT_TOTAL_FETCH_TIMEOUT_MS);
  let totalBytes = 0;
  let totalPixels = 0;
  let overBudget = false;

  const resolveImage = async (image: ImageSpec, path: IssuePath): Promise<ImageSpec> => {
    if (overBudget) return image;
    let data: Uint8Array;
    if (typeof image.data === 'string') data = decodeBase64(image.data);
    else if (image.data !== undefined) data = image.data;
    else if (image.src !== undefined) {
      const loaded = await loadSource(image.src, policy, limits.maxImageBytes, deadline);
      if ('denied' in loaded) {
        denied.push(createIssue('resource_denied', 'error', [...path, 'src'], loaded.denied, 'image data, or a src the resources option allows'));
        return image;
      }
      if ('unreadable' in loaded) {
        errors.push(createIssue('image_unreadable', 'error', [...path, 'src'], loaded.unreadable, 'a readable PNG or JPEG'));
        return image;
      }
      data = loaded.bytes;
    } else {
      return image; // the schema requires data or src
    }
    const where = image.src !== undefined ? [...path, 'src'] : [...path, 'data'];
    if (data.byteLength > limits.maxImageBytes) {
      errors.push(createIssue('limit', 'error', where, {
        zh: `图片为 ${data.byteLength} 字节，超过上限 maxImageBytes（${limits.maxImageBytes}）`,
        en: `the image is ${data.byteLength} bytes, over the limit maxImageBytes (${limits.maxImageBytes})`,
      }, `at most ${limits.maxImageBytes} bytes`));
      return image;
    }
    totalBytes += data.byteLength;
    if (totalBytes > limits.maxTotalImageBytes) {
      overBudget = true;
      errors.push(createIssue('limit', 'error', where, {
        zh: `全报告图片合计超过 ${limits.maxTotalImageBytes} 字节（工作量限制 maxTotalImageBytes），在此处超出`,
        en: `the report's images together pass ${limits.maxTotalImageBytes} bytes (the work budget maxTotalImageBytes) here`,
      }, `at most ${limits.maxTotalImageBytes} image bytes in the whole report`));
      return image;
    }
    const checked = await checkImage(data, limits.maxImagePixels);
    if (!checked.ok) {
      errors.push(createIssue(checked.problem.rule, 'error', where, checked.problem.message, 'a whole PNG or JPEG within maxImagePixels'));
      return image;
    }
    totalPixels += checked.image.pixelValues;
    if (totalPixels > limits.maxTotalImagePixels) {
      overBudget = true;
      errors.push(createIssue('limit', 'error', where, {
        zh: `全报告图片像素值合计 ${totalPixels}，超过工作量限制 maxTotalImagePixels（${limits.maxTotalImagePixels}），在此处超出`,
        en: `the report's images together hold ${totalPixels} pixel values, over the work budget maxTotalImagePixels (${limits.maxTotalImagePixels}); passed here`,
      }, `at most ${limits.maxTotalImagePixels} pixel values in the whole report`));
      return image;
    }
    const { src: _src, ...rest } = image;
    return { ...rest, data };
  };

  // One image at a time, in print order: the totals are exact, and at most one fetch is open.
  const walk = async (blocks: readonly Block[], path: IssuePath): Promise<Block[]> => {
    const out: Block[] = [];
    for (const [index, block] of blocks.entries()) {
      if (typeof block !== 'object' || block === null) out.push(block);
      else if ('image' in block) out.push({ image: await resolveImage(block.image, [...path, index, 'image']) });
      else if ('heading' in block && block.content !== undefined) out.push({ ...block, content: await walk(block.content, [...path, index, 'content']) });
      else out.push(block);
    }
    return out;
  };
  const sections = (await walk(report.sections, ['sections'])) as Report['sections'];
  let attachments: Report['attachments'];
  if (report.attachments !== undefined) {
    const resolved = [];
    for (const [index, attachment] of report.attachments.entries()) resolved.push({ ...attachment, content: await walk(attachment.content, ['attachments', index, 'content']) });
    attachments = resolved;
  }
  return { report: { ...report, sections, ...(attachments === undefined ? {} : { attachments }) }, errors, denied };
}

function decodeBase64(text: string): Uint8Array {
  const comma = text.startsWith('data:') ? text.indexOf(',') : -1;
  return new Uint8Array(Buffer.from(comma >= 0 ? text.slice(comma + 1) : text, 'base64'));
}

async function loadSource(src: string, policy: ResourcePolicy, maxBytes: number, deadline: AbortSignal): Promise<{ bytes: Uint8Array } | LoadFailure> {
  if (/^[a-z][a-z0-9+.-]*:/iu.test(src) && !/^[a-z]:[\\/]/iu.test(src)) return fetchUrl(src, policy, maxBytes, deadline);
  return readLocalFile(src, policy, maxBytes);
}

const URL_REFUSALS: Record<UrlRefusal, BilingualText> = {
  not_http: { zh: '只允许 http 或 https 网址', en: 'only http and https URLs are fetched' },
  unparsable: { zh: '不是有效的网址', en: 'not a valid URL' },
  backslash: { zh: '网址中不得含反斜杠', en: 'a URL must not contain a backslash' },
  encoded_separator: { zh: '网址路径中不得含编码的分隔符或 . / .. 路径段', en: 'a URL path must not hold encoded separators or . / .. segments' },
  outside_prefixes: { zh: '规范化后不在 resources.allowedUrlPrefixes 允许的范围内', en: 'after normalisation it is outside resources.allowedUrlPrefixes' },
};

function deniedUrl(src: string, reason: UrlRefusal): LoadFailure {
  const why = URL_REFUSALS[reason];
  return {
    denied: {
      zh: `不允许读取“${src}”（${why.zh}）；请直接传入图片数据（data），或在 resources 选项中允许该网址`,
      en: `fetching "${src}" is not allowed (${why.en}); pass the image bytes as data, or allow the URL in the resources option`,
    },
  };
}

function unreadable(src: string, zh: string, en: string): LoadFailure {
  return { unreadable: { zh: `无法读取图片“${src}”：${zh}`, en: `cannot read the image "${src}": ${en}` } };
}

async function fetchUrl(src: string, policy: ResourcePolicy, maxBytes: number, deadline: AbortSignal): Promise<{ bytes: Uint8Array } | LoadFailure> {
  const prefixes = policy.allowedUrlPrefixes ?? [];
  let checked = checkUrl(src, prefixes);
  if (!checked.ok) return deniedUrl(src, checked.reason);
  const timeoutMs = policy.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), deadline]);
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(checked.url, { redirect: 'manual', signal });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (location === null || hop >= MAX_REDIRECTS) return unreadable(src, '重定向过多或缺少目标', 'too many redirects, or a redirect without a target');
        // A redirect is fetched only if its target passes the same check as the URL in the report.
        const target = new URL(location, checked.url).href;
        checked = checkUrl(target, prefixes);
        if (!checked.ok) return deniedUrl(target, checked.reason);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return unreadable(src, `服务器返回 ${response.status}`, `the server answered ${response.status}`);
      }
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel();
        return unreadable(src, `大小 ${declared} 字节超过上限 maxImageBytes（${maxBytes}）`, `its ${declared} bytes are over the limit maxImageBytes (${maxBytes})`);
      }
      return await readBody(src, response, maxBytes);
    }
  } catch {
    if (signal.aborted) {
      return deadline.aborted
        ? unreadable(src, '全部图片的下载时间超过 resources.totalTimeoutMs', 'fetching the report\'s images took longer than resources.totalTimeoutMs')
        : unreadable(src, `超过 ${timeoutMs} 毫秒未完成（resources.timeoutMs）`, `no complete answer within ${timeoutMs} ms (resources.timeoutMs)`);
    }
    return unreadable(src, '网络错误', 'network error');
  }
}

/** Reads a response body, stopping (and cancelling the download) as soon as it passes `maxBytes`. */
async function readBody(src: string, response: Response, maxBytes: number): Promise<{ bytes: Uint8Array } | LoadFailure> {
  if (response.body === null) return { bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      return unreadable(src, `超过上限 maxImageBytes（${maxBytes} 字节），已停止下载`, `it passed the limit maxImageBytes (${maxBytes} bytes); the download was stopped`);
    }
    chunks.push(value);
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks)) };
}

async function readLocalFile(src: string, policy: ResourcePolicy, maxBytes: number): Promise<{ bytes: Uint8Array } | LoadFailure> {
  const deniedFile: LoadFailure = {
    denied: {
      zh: `不允许读取“${src}”；请直接传入图片数据（data），或在 resources 选项中允许该目录`,
      en: `reading "${src}" is not allowed; pass the image bytes as data, or allow the folder in the resources option`,
    },
  };
  const directories = (policy.allowedDirectories ?? []).map((dir) => resolve(dir));
  const target = resolve(src);
  // Decide on the path as written first, so a denied path is never even looked up on disk.
  if (!directories.some((dir) => isInside(dir, target))) return deniedFile;
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    return unreadable(src, '文件不存在或无法访问', 'no such file, or no access');
  }
  // Then on the real path, so a symlink inside an allowed folder cannot lead out of it.
  const roots = await Promise.all(directories.map((dir) => realpath(dir).catch(() => undefined)));
  if (!roots.some((root) => root !== undefined && isInside(root, real))) return deniedFile;
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the real path must not have become a symlink since.
    handle = await open(real, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (fsConstants.O_NOFOLLOW ?? 0));
  } catch {
    return unreadable(src, '无法打开文件', 'the file cannot be opened');
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return unreadable(src, '不是普通文件（目录、管道或设备）', 'not a regular file (a folder, pipe or device)');
    if (stat.size > maxBytes) return unreadable(src, `文件为 ${stat.size} 字节，超过上限 maxImageBytes（${maxBytes}）`, `the file is ${stat.size} bytes, over the limit maxImageBytes (${maxBytes})`);
    // Read at most one byte past the limit, in case the file grew after fstat.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stat.size, 0) + 1));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > stat.size) return unreadable(src, '文件在读取过程中发生变化', 'the file changed while it was read');
    return { bytes: new Uint8Array(buffer.subarray(0, filled)) };
  } catch {
    return unreadable(src, '读取失败', 'reading failed');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
