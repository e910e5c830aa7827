/**
 * Polyfills that pdfjs-dist (inside pdf-to-png-converter) needs on Node 20, and the one feature it
 * must not see on Node 24, so that every supported Node rasterizes a PDF to the same pixels.
 *
 * pdfjs 5+/6 calls `ArrayBuffer.prototype.transferToFixedLength` when it passes font data from its
 * worker side to its rendering side. Node 20 lacks that method (it arrived in Node 21 / V8 11.4),
 * and pdfjs then silently draws nothing: every page comes back as a WHITE PNG with no error
 * (toolchain-notes.md). Installing this before the first page is rendered fixes that.
 *
 * pdfjs stores compiled glyph outlines in a `Float16Array` when the runtime has one
 * (`FeatureTest.isFloat16ArraySupported`) and in a `Float32Array` otherwise. Node 24 (V8 13.6) has
 * `Float16Array`, Node 20 and 22 do not; half precision moves glyph edges by a fraction of a pixel,
 * which made 9 goldens differ by 34–90 px a page on Node 24 although the PDFs were byte-identical.
 * {@link hideFloat16Array} removes the global before pdfjs loads, so pdfjs takes its Float32 path on
 * every Node and the renders agree exactly (the 3 px slack stays for real changes only).
 *
 * @module
 */

type TransferToFixedLength = (this: ArrayBuffer, newLength?: number) => ArrayBuffer;

/**
 * A spec-shaped stand-in for `ArrayBuffer.prototype.transferToFixedLength`: returns a new
 * non-resizable buffer holding the first `newLength` bytes (zero-filled beyond the old end) and
 * detaches the original where the engine allows it.
 *
 * @internal Exported for tests.
 */
export const _transferToFixedLength: TransferToFixedLength = function (this: ArrayBuffer, newLength?: number): ArrayBuffer {
  const length = newLength === undefined ? this.byteLength : Math.trunc(Number(newLength));
  if (!Number.isFinite(length) || length < 0) throw new RangeError(`Invalid array buffer length: ${String(newLength)}`);
  const copy = new ArrayBuffer(length);
  new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
  try {
    // Transferring detaches the source, as the real method does.
    structuredClone(this, { transfer: [this] });
  } catch {
    // Non-transferable buffers (e.g. WebAssembly memory) stay attached; pdfjs does not reuse them.
  }
  return copy;
};

/**
 * Removes the global `Float16Array` (Node ≥ 24) from this test process, so pdfjs keeps glyph
 * outlines in single precision as it does on Node 20 and 22. Safe to call many times.
 *
 * @returns Whether it removed the global now.
 */
export function hideFloat16Array(): boolean {
  const global = globalThis as { Float16Array?: unknown };
  if (global.Float16Array === undefined) return false;
  // Shadowing with `undefined` keeps `typeof Float16Array` falsy even where the global is not deletable.
  if (!Reflect.deleteProperty(globalThis, 'Float16Array')) global.Float16Array = undefined;
  return true;
}

/**
 * Installs the polyfills pdfjs needs, only where the method is missing, and hides `Float16Array`
 * ({@link hideFloat16Array}). Call it before pdfjs is first loaded. Safe to call many times.
 *
 * @returns What it changed (empty when nothing needed changing or it ran before).
 */
export function installPdfjsPolyfills(): string[] {
  const changed = hideFloat16Array() ? ['hid Float16Array'] : [];
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: TransferToFixedLength };
  if (typeof proto.transferToFixedLength === 'function') return changed;
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    value: _transferToFixedLength,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return [...changed, 'ArrayBuffer.prototype.transferToFixedLength'];
}
