/**
 * Polyfills that pdfjs-dist (inside pdf-to-png-converter) needs on Node 20.
 *
 * pdfjs 5+/6 calls `ArrayBuffer.prototype.transferToFixedLength` when it passes font data from its
 * worker side to its rendering side. Node 20 lacks that method (it arrived in Node 21 / V8 11.4),
 * and pdfjs then silently draws nothing: every page comes back as a WHITE PNG with no error
 * (toolchain-notes.md). Installing this before the first page is rendered fixes that.
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
 * Installs the polyfills pdfjs needs, only where the method is missing. Safe to call many times.
 *
 * @returns The names of the methods it installed (empty on Node ≥ 22 or when already installed).
 */
export function installPdfjsPolyfills(): string[] {
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: TransferToFixedLength };
  if (typeof proto.transferToFixedLength === 'function') return [];
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    value: _transferToFixedLength,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return ['ArrayBuffer.prototype.transferToFixedLength'];
}
