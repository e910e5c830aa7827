import { PNG } from 'pngjs';

/** A small valid report with the given section content. */
export function reportWith(content: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { meta: { title: '测试报告', issuer: '测试机关', year: 2021 }, sections: [{ heading: '总体情况', content }], ...extra };
}

/** A solid-colour PNG of the given size. */
export function makePng(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = 200;
    png.data[i + 1] = 30;
    png.data[i + 2] = 30;
    png.data[i + 3] = 255;
  }
  return new Uint8Array(PNG.sync.write(png));
}
