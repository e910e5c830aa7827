/**
 * Pixel comparison of rendered pages (pngjs + pixelmatch) and the blank-page check.
 *
 * @module
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { INK_CHANNEL_MAX, MIN_INK_PIXELS, PIXELMATCH_THRESHOLD } from '../visual/thresholds.ts';

/** A decoded RGBA image. */
export interface RgbaImage {
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** RGBA bytes, 4 per pixel, row by row. */
  readonly data: Uint8Array;
}

/** The outcome of {@link comparePng}. */
export interface PngComparison {
  /** Whether both images have the same width and height (if not, every pixel counts as different). */
  readonly sameSize: boolean;
  /** Number of pixels pixelmatch counts as different. */
  readonly diffPixels: number;
  /** `diffPixels` divided by the pixel count of the larger image (0–1). */
  readonly diffRatio: number;
  /** A PNG marking the differences in red over a faded copy of `expected` (absent when sizes differ). */
  readonly diffPng?: Buffer;
}

/** Options of {@link comparePng}. */
export interface ComparePngOptions {
  /** pixelmatch colour threshold, 0–1 (default {@link PIXELMATCH_THRESHOLD}). */
  readonly threshold?: number;
  /** Also produce the diff image (default `true`). */
  readonly withDiffImage?: boolean;
}

/**
 * Decodes a PNG into RGBA bytes.
 *
 * @param png The PNG file's bytes.
 * @returns The decoded image.
 */
export function decodePng(png: Uint8Array): RgbaImage {
  const image = PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  return { width: image.width, height: image.height, data: image.data };
}

/**
 * Encodes RGBA bytes as a PNG, quickly (no adaptive filtering: for diffs and test images, not goldens).
 *
 * @param image The image.
 * @returns The PNG file's bytes.
 */
export function encodePng(image: RgbaImage): Buffer {
  return PNG.sync.write({ width: image.width, height: image.height, data: Buffer.from(image.data) }, { filterType: 0 });
}

/**
 * Encodes an image as small as pngjs can without losing a pixel: 8-bit greyscale when every pixel
 * is opaque grey (rendered report pages are), RGB when opaque, RGBA otherwise; adaptive filtering
 * and deflate level 9. Used for goldens, which are committed: about 2.5× smaller than the
 * converter's RGBA output.
 *
 * @param image The image.
 * @returns The PNG file's bytes; decoding them gives exactly `image.data`.
 */
export function encodeCompactPng(image: RgbaImage): Buffer {
  const { data } = image;
  let opaque = true;
  let grey = true;
  for (let i = 0; i < data.length && (opaque || grey); i += 4) {
    if (data[i + 3] !== 255) opaque = false;
    if (data[i] !== data[i + 1] || data[i] !== data[i + 2]) grey = false;
  }
  const colorType = opaque ? (grey ? 0 : 2) : 6;
  return PNG.sync.write(
    { width: image.width, height: image.height, data: Buffer.from(data) },
    { colorType, inputColorType: 6, inputHasAlpha: true, deflateLevel: 9 },
  );
}

/**
 * Tells whether two decoded images have the same size and the same RGBA bytes.
 *
 * @param a One image.
 * @param b The other.
 * @returns `true` when they are pixel-identical.
 */
export function samePixels(a: RgbaImage, b: RgbaImage): boolean {
  return a.width === b.width && a.height === b.height && Buffer.from(a.data).equals(Buffer.from(b.data));
}

/**
 * Compares two PNGs pixel by pixel with pixelmatch (anti-aliased pixels are not counted).
 *
 * @param actual The rendered page.
 * @param expected The golden page.
 * @param options Threshold and whether to build a diff image.
 * @returns The number and share of differing pixels, and the diff image.
 */
export function comparePng(actual: Uint8Array, expected: Uint8Array, options: ComparePngOptions = {}): PngComparison {
  return compareImages(decodePng(actual), decodePng(expected), options);
}

/**
 * {@link comparePng} on decoded images (to decode each page once).
 *
 * @param actual The rendered page.
 * @param expected The golden page.
 * @param options Threshold and whether to build a diff image.
 * @returns The number and share of differing pixels, and the diff image.
 */
export function compareImages(actual: RgbaImage, expected: RgbaImage, options: ComparePngOptions = {}): PngComparison {
  const a = actual;
  const e = expected;
  const total = Math.max(a.width * a.height, e.width * e.height);
  if (a.width !== e.width || a.height !== e.height) {
    return { sameSize: false, diffPixels: total, diffRatio: total === 0 ? 0 : 1 };
  }
  const withDiff = options.withDiffImage ?? true;
  const out = withDiff ? new Uint8Array(a.width * a.height * 4) : undefined;
  const diffPixels = pixelmatch(a.data, e.data, out, a.width, a.height, {
    threshold: options.threshold ?? PIXELMATCH_THRESHOLD,
  });
  const result: PngComparison = { sameSize: true, diffPixels, diffRatio: total === 0 ? 0 : diffPixels / total };
  return out === undefined ? result : { ...result, diffPng: encodePng({ width: a.width, height: a.height, data: out }) };
}

/**
 * Counts the "ink" pixels of an image: opaque enough and darker than {@link INK_CHANNEL_MAX} in
 * some channel. Transparent pixels count as paper.
 *
 * @param image The decoded image.
 * @returns How many pixels carry ink.
 */
export function countInkPixels(image: RgbaImage): number {
  const { data } = image;
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    if ((data[i + 3] ?? 0) < 128) continue;
    if ((data[i] ?? 255) < INK_CHANNEL_MAX || (data[i + 1] ?? 255) < INK_CHANNEL_MAX || (data[i + 2] ?? 255) < INK_CHANNEL_MAX) ink += 1;
  }
  return ink;
}

/**
 * Tells whether a page is (nearly) all paper: fewer than `minInkPixels` ink pixels. This is what
 * the converter returns on Node 20 without the `transferToFixedLength` polyfill, so every visual
 * test runs it on every page before comparing.
 *
 * @param png The PNG file's bytes.
 * @param minInkPixels Ink pixels a page needs to count as printed (default {@link MIN_INK_PIXELS}).
 * @returns `true` when the page is blank.
 */
export function isBlankPage(png: Uint8Array, minInkPixels: number = MIN_INK_PIXELS): boolean {
  return isBlankImage(decodePng(png), minInkPixels);
}

/**
 * {@link isBlankPage} on a decoded image.
 *
 * @param image The decoded page.
 * @param minInkPixels Ink pixels a page needs to count as printed (default {@link MIN_INK_PIXELS}).
 * @returns `true` when the page is blank.
 */
export function isBlankImage(image: RgbaImage, minInkPixels: number = MIN_INK_PIXELS): boolean {
  return countInkPixels(image) < minInkPixels;
}
