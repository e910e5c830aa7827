/**
 * Image bytes for the image tests, fuzzing and bench/attacks (issue 10): a small PNG encoder that
 * writes every colour type, bit depth and interlace method (filter bytes chosen by the caller), a
 * minimal baseline JPEG encoder (flat grey or colour, 1/3/4 components), and the hostile variants
 * — bad filter bytes, lying headers, pixel bombs, zlib bombs, bad CRCs, cut-short files.
 */
import fc from 'fast-check';
import { crc32, deflateSync } from 'node:zlib';

/** What {@link encodePng} writes. */
export interface PngOptions {
  readonly width: number;
  readonly height: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  readonly colourType?: 0 | 2 | 3 | 4 | 6;
  readonly bitDepth?: 1 | 2 | 4 | 8 | 16;
  readonly interlaced?: boolean;
  /** Filter byte of every scanline (0–4 are valid); default 0, or cycling 0–4 with `'cycle'`. */
  readonly filter?: number | 'cycle';
  /** Palette entries for colour type 3 (default: 2^bitDepth, at most 256); 0 leaves PLTE out. */
  readonly paletteEntries?: number;
  /** Add a tRNS chunk (colour types 0, 2, 3). */
  readonly transparency?: boolean;
  /** Write the declared width/height in IHDR instead of the real ones (a lying header). */
  readonly declaredWidth?: number;
  readonly declaredHeight?: number;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

/** One PNG chunk with its length and CRC. */
export function pngChunk(type: string, body: Uint8Array = new Uint8Array(0)): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  out.set(body, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)) >>> 0, 8 + body.length);
  return out;
}

/** The PNG signature. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An IHDR body. */
export function ihdr(width: number, height: number, bitDepth: number, colourType: number, interlace = 0): Buffer {
  const body = Buffer.alloc(13);
  body.writeUInt32BE(width >>> 0, 0);
  body.writeUInt32BE(height >>> 0, 4);
  body[8] = bitDepth;
  body[9] = colourType;
  body[12] = interlace;
  return body;
}

/** The raw (filtered) scanlines of an image: a deterministic pattern, each row starting with its filter byte. */
export function pngScanlines(options: PngOptions): Buffer {
  const { width, height } = options;
  const colourType = options.colourType ?? 6;
  const bitDepth = options.bitDepth ?? 8;
  const bitsPerPixel = bitDepth * CHANNELS[colourType]!;
  const passes = options.interlaced === true
    ? ADAM7.map(([x0, y0, dx, dy]) => [Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)] as const).filter(([w, h]) => w > 0 && h > 0)
    : [[width, height] as const];
  const parts: Buffer[] = [];
  let row = 0;
  for (const [w, h] of passes) {
    const rowBytes = Math.ceil((w * bitsPerPixel) / 8);
    for (let y = 0; y < h; y++, row++) {
      const line = Buffer.alloc(1 + rowBytes);
      line[0] = options.filter === 'cycle' ? row % 5 : options.filter ?? 0;
      // Palette indices must stay below the palette size: fill with 0 for colour type 3.
      if (colourType !== 3) for (let x = 1; x <= rowBytes; x++) line[x] = (x * 37 + y * 11) & 0xff;
      parts.push(line);
    }
  }
  return Buffer.concat(parts);
}

/** Encodes a PNG (valid unless the options ask for a lie). */
export function encodePng(options: PngOptions): Uint8Array {
  const colourType = options.colourType ?? 6;
  const bitDepth = options.bitDepth ?? 8;
  const chunks: Buffer[] = [PNG_SIGNATURE, pngChunk('IHDR', ihdr(options.declaredWidth ?? options.width, options.declaredHeight ?? options.height, bitDepth, colourType, options.interlaced === true ? 1 : 0))];
  if (colourType === 3) {
    const entries = options.paletteEntries ?? Math.min(256, 2 ** bitDepth);
    if (entries > 0) chunks.push(pngChunk('PLTE', Buffer.from(Array.from({ length: entries * 3 }, (_, i) => (i * 53) & 0xff))));
  }
  if (options.transparency === true) {
    if (colourType === 0) chunks.push(pngChunk('tRNS', Buffer.from([0, 0])));
    if (colourType === 2) chunks.push(pngChunk('tRNS', Buffer.from([0, 0, 0, 0, 0, 0])));
    if (colourType === 3) chunks.push(pngChunk('tRNS', Buffer.from([0, 128])));
  }
  chunks.push(pngChunk('IDAT', deflateSync(pngScanlines(options))), pngChunk('IEND'));
  return new Uint8Array(Buffer.concat(chunks));
}

/** The simplest whole PNG: signature, an IHDR body, one IDAT with the given (already deflated) data, IEND. */
export function pngOf(header: Uint8Array, idat: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', idat), pngChunk('IEND')]));
}

/** A PNG whose IHDR claims any size, with a tiny IDAT (the 68-byte pixel bomb of issue 10). */
export function lyingPng(width: number, height: number, colourType = 6, bitDepth = 8): Uint8Array {
  return pngOf(ihdr(width, height, bitDepth, colourType), deflateSync(Buffer.alloc(4)));
}

/** Splits a PNG into its chunks (type and whole chunk bytes), to mutate one. */
export function pngChunks(png: Uint8Array): { type: string; bytes: Buffer }[] {
  const data = Buffer.from(png);
  const chunks: { type: string; bytes: Buffer }[] = [];
  for (let offset = 8; offset + 12 <= data.length;) {
    const length = data.readUInt32BE(offset);
    chunks.push({ type: data.toString('latin1', offset + 4, offset + 8), bytes: data.subarray(offset, offset + 12 + length) });
    offset += 12 + length;
  }
  return chunks;
}

/** Rebuilds a PNG from (possibly edited) chunks. */
export function joinPng(chunks: readonly { bytes: Uint8Array }[]): Uint8Array {
  return new Uint8Array(Buffer.concat([PNG_SIGNATURE, ...chunks.map((chunk) => chunk.bytes)]));
}

// ---------------------------------------------------------------------------------------------
// JPEG: a flat image in the simplest legal baseline form — one quantisation table of ones, a DC
// and an AC Huffman table with a single 1-bit code each (DC difference 0, end of block), so each
// 8 × 8 block of each component is two zero bits.
// ---------------------------------------------------------------------------------------------

function segment(marker: number, body: readonly number[] | Uint8Array): Buffer {
  const out = Buffer.alloc(4 + body.length);
  out[0] = 0xff;
  out[1] = marker;
  out.writeUInt16BE(body.length + 2, 2);
  out.set(body, 4);
  return out;
}

/** The header segments of {@link encodeJpeg}, up to and including SOS, for a declared size. */
export function jpegHeader(width: number, height: number, channels: 1 | 3 | 4 = 3, frameMarker = 0xc0): Buffer {
  const huffman = (tableClass: number) => [(tableClass << 4) | 0, 1, ...Array<number>(15).fill(0), 0];
  const ids = Array.from({ length: channels }, (_, i) => i + 1);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xdb, [0, ...Array<number>(64).fill(1)]),
    segment(frameMarker, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, channels, ...ids.flatMap((id) => [id, 0x11, 0])]),
    segment(0xc4, huffman(0)),
    segment(0xc4, huffman(1)),
    segment(0xda, [channels, ...ids.flatMap((id) => [id, 0x00]), 0, 63, 0]),
  ]);
}

/** Encodes a valid flat-grey baseline JPEG of the given size and components. */
export function encodeJpeg(width: number, height: number, channels: 1 | 3 | 4 = 3): Uint8Array {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8) * channels;
  const bits = blocks * 2;
  const scan = Buffer.alloc(Math.ceil(bits / 8));
  if (bits % 8 !== 0) scan[scan.length - 1] = 0xff >> (bits % 8); // pad the last byte with ones
  return new Uint8Array(Buffer.concat([jpegHeader(width, height, channels), scan, Buffer.from([0xff, 0xd9])]));
}

// ---------------------------------------------------------------------------------------------
// The hostile catalogue
// ---------------------------------------------------------------------------------------------

/** One hostile image and the rule it must be refused under. */
export interface HostileImage {
  readonly name: string;
  readonly rule: string;
  readonly bytes: () => Uint8Array;
}

const withChunk = (png: Uint8Array, edit: (chunks: { type: string; bytes: Buffer }[]) => { type: string; bytes: Buffer }[]) => joinPng(edit(pngChunks(png)));
const small = () => encodePng({ width: 4, height: 4 });

/** Every malformed PNG and JPEG the image tests feed to the renderer (issue 10, point 1 and 2). */
export const HOSTILE_IMAGES: readonly HostileImage[] = [
  { name: 'RGBA PNG with a bad filter byte (the 74-byte crash)', rule: 'image_data', bytes: () => encodePng({ width: 1, height: 1, filter: 5 }) },
  { name: 'interlaced PNG 4 pixels wide (empty Adam7 passes that crash pdfkit)', rule: 'image_unsupported', bytes: () => encodePng({ width: 4, height: 9, colourType: 2, interlaced: true }) },
  { name: 'interlaced PNG 1 × 1', rule: 'image_unsupported', bytes: () => encodePng({ width: 1, height: 1, interlaced: true }) },
  { name: 'interlaced RGB PNG with a bad filter byte', rule: 'image_data', bytes: () => encodePng({ width: 9, height: 9, colourType: 2, interlaced: true, filter: 7 }) },
  { name: 'grey PNG with a bad filter byte', rule: 'image_data', bytes: () => encodePng({ width: 3, height: 3, colourType: 0, filter: 255 }) },
  { name: 'header claims 2^31 × 2^31', rule: 'image_header', bytes: () => lyingPng(2 ** 31, 2 ** 31) },
  { name: 'header claims 2^31-1 × 2^31-1', rule: 'image_pixels', bytes: () => lyingPng(2 ** 31 - 1, 2 ** 31 - 1) },
  { name: '30000 × 30000 RGBA pixel bomb (68 bytes)', rule: 'image_pixels', bytes: () => lyingPng(30_000, 30_000) },
  { name: 'header larger than the data (100 × 100, 1 × 1 of data)', rule: 'image_data', bytes: () => encodePng({ width: 1, height: 1, declaredWidth: 100, declaredHeight: 100 }) },
  { name: 'header smaller than the data', rule: 'image_data', bytes: () => encodePng({ width: 20, height: 20, declaredWidth: 2, declaredHeight: 2 }) },
  { name: 'zlib bomb in IDAT (64 MB of zeros behind a 16 × 16 header)', rule: 'image_data', bytes: () => withChunk(encodePng({ width: 16, height: 16 }), (chunks) => chunks.map((c) => (c.type === 'IDAT' ? { type: 'IDAT', bytes: pngChunk('IDAT', deflateSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 })) } : c))) },
  { name: 'zero width', rule: 'image_header', bytes: () => lyingPng(0, 10) },
  { name: 'zero height', rule: 'image_header', bytes: () => lyingPng(10, 0) },
  { name: 'bad CRC on IHDR', rule: 'image_crc', bytes: () => { const png = Buffer.from(small()); png[29] = (png[29]! + 1) & 0xff; return new Uint8Array(png); } },
  { name: 'bad CRC on IDAT', rule: 'image_crc', bytes: () => withChunk(small(), (chunks) => chunks.map((c) => (c.type === 'IDAT' ? { type: 'IDAT', bytes: Buffer.concat([c.bytes.subarray(0, -1), Buffer.from([c.bytes[c.bytes.length - 1]! ^ 1])]) } : c))) },
  { name: 'missing IEND', rule: 'image_truncated', bytes: () => withChunk(small(), (chunks) => chunks.filter((c) => c.type !== 'IEND')) },
  { name: 'no IDAT', rule: 'image_data', bytes: () => withChunk(small(), (chunks) => chunks.filter((c) => c.type !== 'IDAT')) },
  { name: 'IHDR not first', rule: 'image_header', bytes: () => withChunk(small(), (chunks) => [chunks[1]!, chunks[0]!, ...chunks.slice(2)]) },
  { name: 'palette PNG without PLTE', rule: 'image_header', bytes: () => encodePng({ width: 4, height: 4, colourType: 3, bitDepth: 8, paletteEntries: 0 }) },
  { name: 'bad bit depth for RGBA (4)', rule: 'image_header', bytes: () => lyingPng(4, 4, 6, 4) },
  { name: 'unknown colour type 5', rule: 'image_header', bytes: () => lyingPng(4, 4, 5, 8) },
  { name: 'IHDR of 12 bytes', rule: 'image_header', bytes: () => joinPng([{ bytes: pngChunk('IHDR', ihdr(4, 4, 8, 6).subarray(0, 12)) }, ...pngChunks(small()).slice(1)]) },
  { name: 'unknown critical chunk', rule: 'image_unsupported', bytes: () => withChunk(small(), (chunks) => [chunks[0]!, { type: 'ABCD', bytes: pngChunk('ABCD', Buffer.from([1])) }, ...chunks.slice(1)]) },
  { name: 'chunk length past the end', rule: 'image_truncated', bytes: () => { const png = Buffer.from(small()); png.writeUInt32BE(0x7fffffff, 33); return new Uint8Array(png); } },
  { name: 'truncated PNG (half the bytes)', rule: 'image_truncated', bytes: () => { const png = encodePng({ width: 32, height: 32 }); return png.subarray(0, png.length >> 1); } },
  { name: 'truncated zlib stream', rule: 'image_data', bytes: () => withChunk(encodePng({ width: 32, height: 32 }), (chunks) => chunks.map((c) => (c.type === 'IDAT' ? { type: 'IDAT', bytes: pngChunk('IDAT', c.bytes.subarray(8, 8 + ((c.bytes.length - 12) >> 1))) } : c))) },
  { name: 'PNG signature only', rule: 'image_truncated', bytes: () => new Uint8Array(PNG_SIGNATURE) },
  { name: 'split IDAT with another chunk between', rule: 'image_data', bytes: () => withChunk(encodePng({ width: 8, height: 8 }), (chunks) => { const idat = chunks.find((c) => c.type === 'IDAT')!; const body = idat.bytes.subarray(8, -4); return [chunks[0]!, { type: 'IDAT', bytes: pngChunk('IDAT', body.subarray(0, 5)) }, { type: 'tEXt', bytes: pngChunk('tEXt', Buffer.from('a\0b')) }, { type: 'IDAT', bytes: pngChunk('IDAT', body.subarray(5)) }, chunks.at(-1)!]; }) },
  { name: 'tRNS on an RGBA PNG', rule: 'image_header', bytes: () => withChunk(small(), (chunks) => [chunks[0]!, { type: 'tRNS', bytes: pngChunk('tRNS', Buffer.from([0, 0])) }, ...chunks.slice(1)]) },
  { name: 'not an image (GIF)', rule: 'image_format', bytes: () => new Uint8Array(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')) },
  { name: 'empty', rule: 'image_format', bytes: () => new Uint8Array(0) },
  { name: 'truncated JPEG (no EOI)', rule: 'image_truncated', bytes: () => { const jpeg = encodeJpeg(64, 64); return jpeg.subarray(0, jpeg.length - 2); } },
  { name: 'JPEG cut inside its header', rule: 'image_truncated', bytes: () => encodeJpeg(64, 64).subarray(0, 30) },
  { name: 'JPEG of SOI only', rule: 'image_truncated', bytes: () => new Uint8Array([0xff, 0xd8, 0xff]) },
  { name: 'JPEG declaring 65535 × 65535', rule: 'image_pixels', bytes: () => new Uint8Array(Buffer.concat([jpegHeader(65535, 65535), Buffer.alloc(64), Buffer.from([0xff, 0xd9])])) },
  { name: 'JPEG with zero height (DNL)', rule: 'image_header', bytes: () => new Uint8Array(Buffer.concat([jpegHeader(16, 0), Buffer.alloc(4), Buffer.from([0xff, 0xd9])])) },
  { name: 'JPEG with 2 components', rule: 'image_unsupported', bytes: () => { const jpeg = Buffer.from(encodeJpeg(16, 16, 1)); const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0])); jpeg[sof + 9] = 2; return new Uint8Array(jpeg); } },
  { name: 'lossless JPEG (SOF3)', rule: 'image_unsupported', bytes: () => new Uint8Array(Buffer.concat([jpegHeader(16, 16, 3, 0xc3), Buffer.alloc(4), Buffer.from([0xff, 0xd9])])) },
  { name: 'JPEG without a frame header', rule: 'image_header', bytes: () => { const jpeg = Buffer.from(encodeJpeg(16, 16)); const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0])); return new Uint8Array(Buffer.concat([jpeg.subarray(0, sof), jpeg.subarray(sof + 2 + jpeg.readUInt16BE(sof + 2))])); } },
  { name: 'JPEG segment length past the end', rule: 'image_truncated', bytes: () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0, 0]) },
  { name: 'JPEG with garbage between segments', rule: 'image_data', bytes: () => { const jpeg = Buffer.from(encodeJpeg(16, 16)); const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0])); return new Uint8Array(Buffer.concat([jpeg.subarray(0, sof), Buffer.from([0x12, 0x34]), jpeg.subarray(sof)])); } },
  { name: 'JPEG with EOI before any scan', rule: 'image_data', bytes: () => new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) },
];

/** Every valid PNG shape: each colour type × bit depth, plain and interlaced, with and without tRNS. */
export function validPngVariants(): { name: string; options: PngOptions }[] {
  const depths: Record<number, readonly (1 | 2 | 4 | 8 | 16)[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
  const variants: { name: string; options: PngOptions }[] = [];
  for (const [type, list] of Object.entries(depths)) {
    for (const bitDepth of list) {
      for (const interlaced of [false, true]) {
        for (const transparency of [0, 2, 3].includes(Number(type)) ? [false, true] : [false]) {
          variants.push({
            name: `type ${type}, ${bitDepth}-bit${interlaced ? ', interlaced' : ''}${transparency ? ', tRNS' : ''}`,
            options: { width: 13, height: 11, colourType: Number(type) as 0 | 2 | 3 | 4 | 6, bitDepth, interlaced, transparency, filter: 'cycle' },
          });
        }
      }
    }
  }
  return variants;
}

/** A generated image for the fuzz suite: what it is and whether it must be accepted. */
export interface ImageCase {
  readonly kind: 'valid-png' | 'valid-jpeg' | 'truncated' | 'bomb' | 'bad-filter' | 'bit-flip';
  readonly bytes: Uint8Array;
  /** `true`: must render; `false`: must be refused with E_IMAGE; `undefined`: either, but named. */
  readonly valid: boolean | undefined;
}

const pngOptionsArb: fc.Arbitrary<PngOptions> = fc
  .record({
    width: fc.integer({ min: 1, max: 40 }),
    height: fc.integer({ min: 1, max: 40 }),
    variant: fc.constantFrom(...validPngVariants().map((v) => v.options)),
  })
  // Interlaced PNGs narrower than 5 pixels are refused (pdfkit misreads their empty passes); see HOSTILE_IMAGES.
  .map(({ width, height, variant }) => ({ ...variant, width: variant.interlaced === true ? Math.max(width, 5) : width, height }));

/**
 * Images for the fuzz suite: valid PNGs (every colour type, depth, interlace) and JPEGs, the
 * same cut short at a random byte, pixel bombs (a header past the pixel limit), bad filter bytes,
 * and single flipped bits (which the CRC or the structure must catch, or which leave a valid image).
 */
export const imageCaseArb: fc.Arbitrary<ImageCase> = fc.oneof(
  pngOptionsArb.map((options): ImageCase => ({ kind: 'valid-png', bytes: encodePng(options), valid: true })),
  fc.record({ w: fc.integer({ min: 1, max: 64 }), h: fc.integer({ min: 1, max: 64 }), c: fc.constantFrom<1 | 3 | 4>(1, 3, 4) }).map(({ w, h, c }): ImageCase => ({ kind: 'valid-jpeg', bytes: encodeJpeg(w, h, c), valid: true })),
  fc.tuple(fc.oneof(pngOptionsArb.map(encodePng), fc.constant(encodeJpeg(24, 24))), fc.double({ min: 0, max: 0.999, noNaN: true })).map(([bytes, cut]): ImageCase => ({ kind: 'truncated', bytes: bytes.subarray(0, Math.floor(bytes.length * cut)), valid: false })),
  fc.record({ w: fc.integer({ min: 6000, max: 2 ** 31 - 1 }), h: fc.integer({ min: 6000, max: 2 ** 31 - 1 }), jpeg: fc.boolean() }).map(({ w, h, jpeg }): ImageCase => ({
    kind: 'bomb',
    bytes: jpeg ? new Uint8Array(Buffer.concat([jpegHeader(Math.min(w, 65535), Math.min(h, 65535)), Buffer.alloc(16), Buffer.from([0xff, 0xd9])])) : lyingPng(w, h),
    valid: false,
  })),
  fc.tuple(pngOptionsArb, fc.integer({ min: 5, max: 255 })).map(([options, filter]): ImageCase => ({ kind: 'bad-filter', bytes: encodePng({ ...options, filter }), valid: false })),
  fc.tuple(fc.oneof(pngOptionsArb.map(encodePng), fc.constant(encodeJpeg(24, 24, 1))), fc.nat(), fc.integer({ min: 0, max: 7 })).map(([bytes, at, bit]): ImageCase => {
    const copy = new Uint8Array(bytes);
    copy[at % copy.length]! ^= 1 << bit;
    return { kind: 'bit-flip', bytes: copy, valid: undefined };
  }),
);
