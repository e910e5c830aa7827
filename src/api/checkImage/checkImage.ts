import { constants as bufferConstants } from 'node:buffer';
import { crc32, inflate } from 'node:zlib';
import type { BilingualText } from '../../issues/issue.ts';

/** What a checked image is: enough for the layout and for the pixel budget. */
export interface CheckedImage {
  /** `png` or `jpeg`. */
  readonly format: 'png' | 'jpeg';
  /** Width in pixels (as stored; pdfkit turns JPEGs by their EXIF orientation when it draws them). */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** Colour channels pdfkit decodes (grey 1, grey+alpha 2, RGB 3, RGBA or CMYK 4, palette 1). */
  readonly channels: number;
  /** The pixel values the image holds: width × height × channels (what `maxImagePixels` limits). */
  readonly pixelValues: number;
}

/** Why an image was refused: a stable rule name and a message in both languages. */
export interface ImageProblem {
  /** `image_format`, `image_truncated`, `image_crc`, `image_header`, `image_pixels`, `image_data` or `image_unsupported`. */
  readonly rule: ImageRule;
  /** What is wrong. */
  readonly message: BilingualText;
}

/** The rules an image can break. */
export type ImageRule = 'image_format' | 'image_truncated' | 'image_crc' | 'image_header' | 'image_pixels' | 'image_data' | 'image_unsupported';

/** The outcome of {@link checkImage}. */
export type ImageCheck = { readonly ok: true; readonly image: CheckedImage } | { readonly ok: false; readonly problem: ImageProblem };

/**
 * Decodes enough of a PNG or JPEG to be sure pdfkit can embed it, before any layout: for PNG
 * every chunk is whole with a correct CRC, the header is sane (size, bit depth × colour type,
 * methods), a palette image has its palette, the pixel count is within the limit *before*
 * anything is inflated, the image data inflates (never past the size the header declares) to
 * exactly that size, and every scanline's filter byte is 0–4; for JPEG the marker segments are
 * complete up to the end-of-image marker, the frame header gives a non-zero size, 8-bit samples
 * and 1, 3 or 4 components, and the process is one PDF viewers decode (baseline, extended,
 * progressive). Never rejects: every problem is returned.
 *
 * @param data The image bytes.
 * @param maxPixelValues Most pixel values (width × height × channels) allowed.
 * @returns The image's size and channels, or the problem.
 */
export async function checkImage(data: Uint8Array, maxPixelValues: number): Promise<ImageCheck> {
  try {
    if (isPng(data)) return await checkPng(data, maxPixelValues);
    if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return checkJpeg(data, maxPixelValues);
    return refuse('image_format', { zh: '图片须为 PNG 或 JPEG 格式', en: 'an image must be a PNG or a JPEG' });
  } catch (cause) {
    // Nothing above should throw; if it does, the image is still refused rather than crashing the render.
    const text = cause instanceof Error ? cause.message : String(cause);
    return refuse('image_data', { zh: `无法解码图片（${text}）`, en: `the image cannot be decoded (${text})` });
  }
}

function refuse(rule: ImageRule, message: BilingualText): ImageCheck {
  return { ok: false, problem: { rule, message } };
}

function overLimit(width: number, height: number, channels: number, max: number): ImageCheck {
  const values = width * height * channels;
  return refuse('image_pixels', {
    zh: `图片为 ${width} × ${height} 像素 × ${channels} 通道 = ${values} 个像素值，超过上限 maxImagePixels（${max}）`,
    en: `the image is ${width} × ${height} pixels × ${channels} channels = ${values} pixel values, over the limit maxImagePixels (${max})`,
  });
}

// ---------------------------------------------------------------------------------------------
// PNG
// ---------------------------------------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function isPng(data: Uint8Array): boolean {
  return data.length >= 8 && PNG_SIGNATURE.every((byte, index) => data[index] === byte);
}

/** Allowed bit depths per colour type (PNG spec, table 11.1) and the channels of each. */
const COLOUR_TYPES: Record<number, { depths: readonly number[]; channels: number; name: string }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1, name: 'greyscale' },
  2: { depths: [8, 16], channels: 3, name: 'truecolour' },
  3: { depths: [1, 2, 4, 8], channels: 1, name: 'indexed-colour' },
  4: { depths: [8, 16], channels: 2, name: 'greyscale with alpha' },
  6: { depths: [8, 16], channels: 4, name: 'truecolour with alpha' },
};

/** Adam7 passes: x0, y0, dx, dy. */
const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
];

interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly interlaced: boolean;
}

async function checkPng(data: Uint8Array, maxPixelValues: number): Promise<ImageCheck> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let header: PngHeader | undefined;
  let paletteEntries = 0;
  let seenTransparency = false;
  let idatState: 'none' | 'open' | 'closed' = 'none';
  const idat: Uint8Array[] = [];
  let offset = 8;
  for (;;) {
    if (offset + 12 > data.length) {
      return refuse('image_truncated', { zh: 'PNG 文件不完整（缺少 IEND 结束块）', en: 'the PNG is cut short (no IEND chunk)' });
    }
    const length = view.getUint32(offset);
    const typeBytes = data.subarray(offset + 4, offset + 8);
    const type = String.fromCharCode(...typeBytes);
    if (!/^[A-Za-z]{4}$/u.test(type)) {
      return refuse('image_data', { zh: `PNG 数据块类型无效（偏移 ${offset}）`, en: `invalid PNG chunk type at byte ${offset}` });
    }
    if (length > 0x7fffffff || offset + 12 + length > data.length) {
      return refuse('image_truncated', { zh: `PNG 数据块 ${type} 不完整`, en: `the PNG chunk ${type} is cut short` });
    }
    const body = data.subarray(offset + 8, offset + 8 + length);
    if ((crc32(data.subarray(offset + 4, offset + 8 + length)) >>> 0) !== view.getUint32(offset + 8 + length)) {
      return refuse('image_crc', { zh: `PNG 数据块 ${type} 的 CRC 校验值不符（文件已损坏）`, en: `the CRC of the PNG chunk ${type} does not match (the file is corrupt)` });
    }
    if (header === undefined && type !== 'IHDR') {
      return refuse('image_header', { zh: 'PNG 的第一个数据块须为 IHDR', en: 'the first PNG chunk must be IHDR' });
    }
    if (idatState === 'open' && type !== 'IDAT') idatState = 'closed';
    switch (type) {
      case 'IHDR': {
        if (header !== undefined) return refuse('image_header', { zh: 'PNG 含多个 IHDR 块', en: 'the PNG has more than one IHDR chunk' });
        const parsed = parsePngHeader(body);
        if ('ok' in parsed) return parsed;
        header = parsed;
        const channels = COLOUR_TYPES[header.colourType]!.channels;
        if (header.width * header.height * channels > maxPixelValues) return overLimit(header.width, header.height, channels, maxPixelValues);
        break;
      }
      case 'PLTE': {
        const colourType = header!.colourType;
        if (colourType === 0 || colourType === 4 || paletteEntries > 0 || idatState !== 'none') {
          return refuse('image_header', { zh: 'PNG 的 PLTE 调色板块位置或次数不对', en: 'the PNG has a PLTE chunk where none is allowed' });
        }
        if (length === 0 || length % 3 !== 0 || length / 3 > 256 || (colourType === 3 && length / 3 > 2 ** header!.bitDepth)) {
          return refuse('image_header', { zh: `PNG 调色板长度 ${length} 无效`, en: `the PNG palette length ${length} is invalid` });
        }
        paletteEntries = length / 3;
        break;
      }
      case 'tRNS': {
        const colourType = header!.colourType;
        const allowed = colourType === 0 ? length === 2 : colourType === 2 ? length === 6 : colourType === 3 ? paletteEntries > 0 && length <= paletteEntries : false;
        if (!allowed || seenTransparency || idatState !== 'none') {
          return refuse('image_header', { zh: 'PNG 的 tRNS 透明块无效', en: 'the PNG tRNS (transparency) chunk is invalid' });
        }
        seenTransparency = true;
        break;
      }
      case 'IDAT': {
        if (idatState === 'closed') return refuse('image_data', { zh: 'PNG 的 IDAT 块不连续', en: 'the PNG IDAT chunks are not consecutive' });
        if (header!.colourType === 3 && paletteEntries === 0) {
          return refuse('image_header', { zh: '调色板 PNG 缺少 PLTE 调色板块', en: 'the indexed-colour PNG has no PLTE (palette) chunk' });
        }
        idatState = 'open';
        idat.push(body);
        break;
      }
      case 'IEND': {
        if (idat.length === 0) return refuse('image_data', { zh: 'PNG 没有图像数据（IDAT）', en: 'the PNG has no image data (IDAT)' });
        return checkPngData(header!, Buffer.concat(idat));
      }
      default:
        // An unknown critical chunk (upper-case first letter) changes how the image must be read.
        if ((typeBytes[0]! & 0x20) === 0) {
          return refuse('image_unsupported', { zh: `PNG 含未知的关键数据块 ${type}`, en: `the PNG has an unknown critical chunk ${type}` });
        }
    }
    offset += 12 + length;
  }
}

function parsePngHeader(body: Uint8Array): PngHeader | ImageCheck {
  if (body.length !== 13) return refuse('image_header', { zh: 'PNG 的 IHDR 块长度须为 13', en: 'the PNG IHDR chunk must be 13 bytes' });
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const [bitDepth, colourType, compression, filter, interlace] = [body[8]!, body[9]!, body[10]!, body[11]!, body[12]!];
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) {
    return refuse('image_header', { zh: `PNG 尺寸 ${width} × ${height} 无效`, en: `the PNG size ${width} × ${height} is invalid` });
  }
  const kind = COLOUR_TYPES[colourType];
  if (kind === undefined || !kind.depths.includes(bitDepth)) {
    return refuse('image_header', {
      zh: `PNG 颜色类型 ${colourType} 与位深 ${bitDepth} 的组合无效`,
      en: `the PNG colour type ${colourType} with bit depth ${bitDepth} is not a valid combination`,
    });
  }
  if (compression !== 0 || filter !== 0 || interlace > 1) {
    return refuse('image_header', { zh: 'PNG 的压缩、滤波或隔行方法无效', en: 'the PNG compression, filter or interlace method is invalid' });
  }
  return { width, height, bitDepth, colourType, interlaced: interlace === 1 };
}

/** Sizes (in bytes, filter byte included) of each scanline group: one per Adam7 pass, or the whole image. */
function scanlinePasses(header: PngHeader): { rows: number; rowBytes: number }[] {
  const bitsPerPixel = header.bitDepth * COLOUR_TYPES[header.colourType]!.channels;
  const rowBytes = (width: number) => 1 + Math.ceil((width * bitsPerPixel) / 8);
  if (!header.interlaced) return [{ rows: header.height, rowBytes: rowBytes(header.width) }];
  return ADAM7.map(([x0, y0, dx, dy]) => ({ width: Math.ceil((header.width - x0) / dx), rows: Math.ceil((header.height - y0) / dy) }))
    .filter((pass) => pass.width > 0 && pass.rows > 0)
    .map((pass) => ({ rows: pass.rows, rowBytes: rowBytes(pass.width) }));
}

async function checkPngData(header: PngHeader, compressed: Buffer): Promise<ImageCheck> {
  // An Adam7 pass with rows but no columns holds no data (PNG spec), but pdfkit's decoder (png-js)
  // still reads a filter byte per row there and then throws inside a zlib callback: refuse it.
  if (header.interlaced && ADAM7.some(([x0, y0]) => header.width <= x0 && header.height > y0)) {
    return refuse('image_unsupported', {
      zh: `隔行扫描的 PNG 宽度须至少 5 像素（本图 ${header.width}）；请另存为非隔行扫描`,
      en: `an interlaced PNG must be at least 5 pixels wide (this one: ${header.width}); save it without interlacing`,
    });
  }
  const passes = scanlinePasses(header);
  const expected = passes.reduce((sum, pass) => sum + pass.rows * pass.rowBytes, 0);
  if (expected + 1 > bufferConstants.MAX_LENGTH) return overLimit(header.width, header.height, COLOUR_TYPES[header.colourType]!.channels, 0);
  let inflated: Buffer;
  try {
    // One byte past the declared size is enough to know the data is too long; never inflate more.
    inflated = await new Promise<Buffer>((resolve, reject) => {
      inflate(compressed, { maxOutputLength: expected + 1 }, (error, result) => (error === null ? resolve(result) : reject(error)));
    });
  } catch (cause) {
    const tooLong = (cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    return refuse('image_data', tooLong
      ? { zh: `PNG 图像数据解压后超过图片尺寸所需的 ${expected} 字节`, en: `the PNG image data inflates to more than the ${expected} bytes its size needs` }
      : { zh: 'PNG 图像数据无法解压（数据不完整或已损坏）', en: 'the PNG image data does not inflate (cut short or corrupt)' });
  }
  if (inflated.length !== expected) {
    return refuse('image_data', {
      zh: `PNG 图像数据解压后为 ${inflated.length} 字节，图片尺寸需要 ${expected} 字节`,
      en: `the PNG image data inflates to ${inflated.length} bytes; its size needs ${expected}`,
    });
  }
  let position = 0;
  for (const pass of passes) {
    for (let row = 0; row < pass.rows; row++) {
      const filterType = inflated[position]!;
      if (filterType > 4) {
        return refuse('image_data', {
          zh: `PNG 第 ${row + 1} 行的滤波类型 ${filterType} 无效（应为 0–4）`,
          en: `row ${row + 1} of the PNG has the invalid filter type ${filterType} (expected 0–4)`,
        });
      }
      position += pass.rowBytes;
    }
  }
  const channels = COLOUR_TYPES[header.colourType]!.channels;
  return { ok: true, image: { format: 'png', width: header.width, height: header.height, channels, pixelValues: header.width * header.height * channels } };
}

// ---------------------------------------------------------------------------------------------
// JPEG
// ---------------------------------------------------------------------------------------------

/** Frame types PDF's DCTDecode draws: baseline, extended sequential and progressive (Huffman). */
const SUPPORTED_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
/** Every other start-of-frame marker (lossless, hierarchical, arithmetic), and JPG/DAC, which pdfkit would read as one. */
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf]);

function checkJpeg(data: Uint8Array, maxPixelValues: number): ImageCheck {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const truncated = () => refuse('image_truncated', { zh: 'JPEG 文件不完整（缺少结束标记 EOI）', en: 'the JPEG is cut short (no end-of-image marker)' });
  let frame: { width: number; height: number; channels: number } | undefined;
  let scans = 0;
  let offset = 2;
  for (;;) {
    if (offset + 2 > data.length) return truncated();
    if (data[offset] !== 0xff) return refuse('image_data', { zh: `JPEG 在偏移 ${offset} 处缺少标记`, en: `the JPEG has no marker at byte ${offset}` });
    let marker = data[offset + 1]!;
    // Fill bytes (FF FF …) are legal between segments but pdfkit's own header scan misreads them before the frame header.
    while (marker === 0xff) {
      if (frame === undefined) return refuse('image_unsupported', { zh: 'JPEG 帧头前含填充字节', en: 'the JPEG has fill bytes before its frame header' });
      offset += 1;
      if (offset + 2 > data.length) return truncated();
      marker = data[offset + 1]!;
    }
    offset += 2;
    if (marker === 0xd9) {
      if (frame === undefined || scans === 0) return refuse('image_data', { zh: 'JPEG 没有图像数据', en: 'the JPEG has no image data' });
      return { ok: true, image: { format: 'jpeg', ...frame, pixelValues: frame.width * frame.height * frame.channels } };
    }
    if (marker === 0xd8 || marker === 0x00) return refuse('image_data', { zh: 'JPEG 标记无效', en: 'the JPEG has an invalid marker' });
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (offset + 2 > data.length) return truncated();
    const length = view.getUint16(offset);
    if (length < 2) return refuse('image_data', { zh: 'JPEG 数据段长度无效', en: 'the JPEG has a segment with an invalid length' });
    if (offset + length > data.length) return truncated();
    if (SUPPORTED_FRAMES.has(marker)) {
      if (frame !== undefined) return refuse('image_data', { zh: 'JPEG 含多个帧头', en: 'the JPEG has more than one frame header' });
      if (length < 8) return truncated();
      const precision = data[offset + 2]!;
      const height = view.getUint16(offset + 3);
      const width = view.getUint16(offset + 5);
      const channels = data[offset + 7]!;
      if (width === 0 || height === 0) {
        return refuse('image_header', { zh: `JPEG 尺寸 ${width} × ${height} 无效`, en: `the JPEG size ${width} × ${height} is invalid` });
      }
      if (precision !== 8 || (channels !== 1 && channels !== 3 && channels !== 4) || length !== 8 + 3 * channels) {
        return refuse('image_unsupported', {
          zh: `JPEG 须为 8 位、1/3/4 个颜色分量（实际 ${precision} 位、${channels} 个分量）`,
          en: `a JPEG must have 8-bit samples and 1, 3 or 4 components (this one: ${precision}-bit, ${channels})`,
        });
      }
      if (width * height * channels > maxPixelValues) return overLimit(width, height, channels, maxPixelValues);
      frame = { width, height, channels };
    } else if (OTHER_FRAMES.has(marker)) {
      return refuse('image_unsupported', {
        zh: 'JPEG 的编码方式（无损、分层或算术编码）在 PDF 中无法显示',
        en: 'the JPEG uses a coding process (lossless, hierarchical or arithmetic) that PDF cannot show',
      });
    } else if (marker === 0xda) {
      if (frame === undefined) return refuse('image_header', { zh: 'JPEG 在帧头之前开始扫描', en: 'the JPEG starts a scan before its frame header' });
      scans += 1;
      // Entropy-coded data runs to the next marker that is not a stuffed zero or a restart marker.
      let next = offset + length;
      for (;;) {
        const found = data.indexOf(0xff, next);
        if (found < 0 || found + 1 >= data.length) return truncated();
        const following = data[found + 1]!;
        if (following === 0x00 || (following >= 0xd0 && following <= 0xd7) || following === 0xff) {
          next = found + 1;
          continue;
        }
        next = found;
        break;
      }
      offset = next;
      continue;
    }
    offset += length;
  }
}
