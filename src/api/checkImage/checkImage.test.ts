import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { checkImage } from './checkImage.ts';
import { HOSTILE_IMAGES, encodeJpeg, encodePng, ihdr, pngChunk, PNG_SIGNATURE, validPngVariants } from '../../../test/fuzz/imageSamples.ts';

const A4_VALUES = 2480 * 3508 * 4;

describe('checkImage accepts every valid PNG and JPEG shape', () => {
  it.each(validPngVariants().map((variant) => [variant.name, variant.options] as const))('PNG %s', async (_name, options) => {
    const result = await checkImage(encodePng(options), A4_VALUES);
    expect(result.ok ? { width: result.image.width, height: result.image.height } : result.problem).toEqual({ width: 13, height: 11 });
  });

  it.each([1, 3, 4] as const)('JPEG with %i component(s)', async (channels) => {
    expect(await checkImage(encodeJpeg(17, 9, channels), A4_VALUES)).toEqual({ ok: true, image: { format: 'jpeg', width: 17, height: 9, channels, pixelValues: 17 * 9 * channels } });
  });

  it('counts pixel values as width × height × channels, exactly at the limit', async () => {
    const png = encodePng({ width: 10, height: 10, colourType: 2 });
    expect((await checkImage(png, 300)).ok).toBe(true);
    const over = await checkImage(png, 299);
    expect(over.ok ? undefined : over.problem.rule).toBe('image_pixels');
    expect(over.ok ? '' : over.problem.message.en).toContain('maxImagePixels');
  });

  it('accepts a PNG whose image data is split over several IDAT chunks, and ancillary chunks', async () => {
    const data = deflateSync(Buffer.from([0, 1, 2, 3, 0, 4, 5, 6]));
    const png = Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr(1, 2, 8, 2)), pngChunk('tEXt', Buffer.from('k\0v')), pngChunk('IDAT', data.subarray(0, 3)), pngChunk('IDAT', data.subarray(3)), pngChunk('IEND')]);
    expect((await checkImage(new Uint8Array(png), A4_VALUES)).ok).toBe(true);
  });
});

describe('checkImage refuses every malformed image with its rule', () => {
  it.each(HOSTILE_IMAGES.map((sample) => [sample.name, sample] as const))('%s', async (_name, sample) => {
    const result = await checkImage(sample.bytes(), A4_VALUES);
    expect(result.ok ? 'accepted' : result.problem.rule).toBe(sample.rule);
    if (!result.ok) {
      expect(result.problem.message.zh).not.toBe('');
      expect(result.problem.message.en).not.toBe('');
    }
  });
});
