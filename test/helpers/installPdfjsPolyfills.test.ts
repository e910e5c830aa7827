import { describe, expect, test } from 'vitest';
import { _transferToFixedLength, hideFloat16Array, installPdfjsPolyfills } from './installPdfjsPolyfills.ts';

describe('_transferToFixedLength', () => {
  test('should copy the bytes into a buffer of the new length', () => {
    const source = new Uint8Array([1, 2, 3, 4]).buffer;
    const result = _transferToFixedLength.call(source, 2);
    expect([...new Uint8Array(result)]).toStrictEqual([1, 2]);
  });

  test('should zero-fill beyond the old end', () => {
    const source = new Uint8Array([7, 8]).buffer;
    expect([...new Uint8Array(_transferToFixedLength.call(source, 4))]).toStrictEqual([7, 8, 0, 0]);
  });

  test('should keep the length when none is given', () => {
    expect(_transferToFixedLength.call(new ArrayBuffer(5)).byteLength).toBe(5);
  });

  test('should detach the source', () => {
    const source = new ArrayBuffer(8);
    _transferToFixedLength.call(source, 8);
    expect(source.byteLength).toBe(0);
  });

  test('should reject a negative length', () => {
    expect(() => _transferToFixedLength.call(new ArrayBuffer(1), -1)).toThrow(RangeError);
  });
});

describe('installPdfjsPolyfills', () => {
  test('should leave ArrayBuffer.prototype.transferToFixedLength callable and be idempotent', () => {
    installPdfjsPolyfills();
    expect(installPdfjsPolyfills()).toStrictEqual([]);
    const method = (ArrayBuffer.prototype as { transferToFixedLength?: unknown }).transferToFixedLength;
    expect(typeof method).toBe('function');
  });

  test('should not add an enumerable property (pdfjs rejects those)', () => {
    installPdfjsPolyfills();
    const keys: string[] = [];
    for (const key in new ArrayBuffer(1)) keys.push(key);
    expect(keys).toStrictEqual([]);
  });
});

describe('hideFloat16Array', () => {
  test('should leave no Float16Array for pdfjs to find, on every Node (pdfjs then keeps glyph outlines in Float32)', () => {
    installPdfjsPolyfills();
    expect(typeof (globalThis as { Float16Array?: unknown }).Float16Array).toBe('undefined');
    expect(hideFloat16Array()).toBe(false);
  });
});
