// PNG bytes for the hostile-input benches (attacks.mjs, budget.mjs): signature, chunks with CRC,
// and an 8-bit RGBA header. The tests build theirs in test/fuzz/imageSamples.ts (TypeScript).
import { crc32 } from 'node:zlib';

/** The PNG signature. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk with its length and CRC. */
export function pngChunk(type, body) {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)) >>> 0, 8 + body.length);
  return out;
}

/** The IHDR body of an 8-bit RGBA image (no interlace). */
export function rgbaHeader(width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return header;
}

/** A whole PNG: signature, IHDR, one IDAT with the given (already deflated) data, IEND. */
export function pngOf(header, idat) {
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}
