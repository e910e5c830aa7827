// Minimal types for pngjs 7 (it ships none and @types/pngjs is not installed): only what the
// test helpers use.
declare module 'pngjs' {
  /** Options of the synchronous PNG writer. */
  interface PackerOptions {
    colorType?: 0 | 2 | 4 | 6;
    inputColorType?: 0 | 2 | 4 | 6;
    bitDepth?: 8 | 16;
    inputHasAlpha?: boolean;
    deflateLevel?: number;
    /** -1 = adaptive (slow, default), 0 = none, 1–4 = sub/up/average/paeth. */
    filterType?: -1 | 0 | 1 | 2 | 3 | 4;
  }
  /** A decoded RGBA image. */
  class PNG {
    constructor(options?: { width?: number; height?: number; fill?: boolean });
    width: number;
    height: number;
    /** RGBA bytes, 4 per pixel, row by row. */
    data: Buffer;
    static sync: {
      read(buffer: Buffer | Uint8Array): PNG;
      write(png: PNG | { width: number; height: number; data: Buffer | Uint8Array }, options?: PackerOptions): Buffer;
    };
  }
  export { PNG };
  const _default: { PNG: typeof PNG };
  export default _default;
}
