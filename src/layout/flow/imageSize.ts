import { inflateSync } from 'node:zlib';

/**
 * Reads the pixel size of a PNG or JPEG from its header (the layout needs it before pdfmake
 * decodes the image). Throws a TypeError for other data; the API checks images before layout.
 *
 * @param data PNG or JPEG bytes.
 * @returns Width and height in pixels.
 */
export function imageSize(data: Uint8Array): { width: number; height: number } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(4) === 0x0d0a1a0a) {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (data.length >= 4 && view.getUint16(0) === 0xffd8) {
    let offset = 2;
    while (offset + 9 < data.length) {
      if (data[offset] !== 0xff) break;
      const marker = data[offset + 1]!;
      const length = view.getUint16(offset + 2);
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) };
      }
      offset += 2 + length;
    }
  }
  throw new TypeError('not a PNG or JPEG image');
}

/**
 * Whether bytes are a PNG or JPEG that pdfkit can embed: for PNG every chunk is whole, the
 * header comes first, the image data inflates and the file ends with IEND; for JPEG a frame
 * header gives the size and 1, 3 or 4 colour channels. A corrupt image is the input's fault and
 * is reported at its path, not left to fail inside pdfmake.
 *
 * @param data The bytes.
 * @returns True for an image the renderer can draw.
 */
export function isSupportedImage(data: Uint8Array): boolean {
  try {
    const { width, height } = imageSize(data);
    if (!(width > 0 && height > 0)) return false;
    return data[0] === 0x89 ? isWholePng(data) : isWholeJpeg(data);
  } catch {
    return false;
  }
}

function isWholePng(data: Uint8Array): boolean {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const idat: Uint8Array[] = [];
  let offset = 8;
  let first = true;
  while (offset + 12 <= data.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...data.subarray(offset + 4, offset + 8));
    if (offset + 12 + length > data.length) return false;
    if (first && type !== 'IHDR') return false;
    first = false;
    if (type === 'IDAT') idat.push(data.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') {
      if (idat.length === 0) return false;
      inflateSync(Buffer.concat(idat));
      return true;
    }
    offset += 12 + length;
  }
  return false;
}

function isWholeJpeg(data: Uint8Array): boolean {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 2;
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return false;
    const marker = data[offset + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const channels = data[offset + 9];
      return channels === 1 || channels === 3 || channels === 4;
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  return false;
}
