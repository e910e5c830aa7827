import { createServer } from 'node:http';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  createRenderer,
  renderReport,
  ReportValidationError,
  ResourceDeniedError,
  ImageError,
  StrictModeRefusalError,
  LayoutPresetError,
} from '../../src/index.ts';
import { countPages } from '../../src/render/renderPdf/renderPdf.ts';
import { createFontRegistry } from '../../src/render/fonts/fontRegistry.ts';
import { createPdfmakeInstance, fontParseCount, loadRuntime, placedTextMeasureCount } from '../../src/render/fonts/pdfmakeRuntime.ts';
import { PLACED_TEXT } from '../../src/render/toDocDefinition/placedText.ts';
import { toDocDefinition } from '../../src/render/toDocDefinition/toDocDefinition.ts';
import { makePng, reportWith } from './fixtures.ts';

const require = createRequire(import.meta.url);
const latin1 = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');

describe('renderReport', () => {
  test('writes a PDF whose page count is the plan\'s', async () => {
    const renderer = createRenderer();
    const input = reportWith(['正文段落。'.repeat(300)]);
    const { plan } = await renderer.plan(input);
    const { pdf, pageCount } = await renderer.render(input);
    expect(latin1(pdf).startsWith('%PDF-')).toBe(true);
    expect(pageCount).toBe(plan.pages.length);
    expect(countPages(pdf)).toBe(plan.pages.length);
    expect(pageCount).toBeGreaterThan(1);
  });

  test('parses each font file once per process: a second render parses nothing', async () => {
    await renderReport(reportWith(['第一次。']));
    const parsed = fontParseCount();
    await renderReport(reportWith(['第二次，不同的文字。']));
    expect(loadRuntime().cacheInstalled).toBe(true);
    expect(fontParseCount()).toBe(parsed);
  });

  test('with pdfkit loaded before us (no font cache), fonts are read whole and the PDF is the same', async () => {
    const text = '政府信息公开工作年度报告：主动公开、依申请公开、行政复议、行政诉讼。';
    const tsx = require.resolve('tsx/cli');
    const child = fileURLToPath(new URL('./pdfkitFirstChild.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, child, text], { timeout: 120_000 });
    const fromChild = JSON.parse(stdout.trim().split('\n').pop()!) as { cacheInstalled: boolean; sha256: string };
    const { pdf } = await renderReport(reportWith([text]), { creationDate: new Date('2021-01-15T00:00:00Z') });
    expect(loadRuntime().cacheInstalled).toBe(true);
    expect(fromChild).toEqual({ cacheInstalled: false, sha256: createHash('sha256').update(pdf).digest('hex') });
  }, 120_000);

  test('planning a report loads fontkit but not pdfmake or pdfkit; the first render loads them with the font cache', async () => {
    const tsx = require.resolve('tsx/cli');
    const child = fileURLToPath(new URL('./planOnlyChild.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, child, '只排版，不生成 PDF。'], { timeout: 120_000 });
    const fromChild = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(fromChild).toEqual({
      afterPlan: { pdfmake: false, pdfkit: false, fontkit: true },
      afterRender: { pdfmake: true, pdfkit: true, fontkit: true },
      cacheInstalled: true,
      planned: 1,
      rendered: 1,
    });
  }, 120_000);

  test('placed text nodes measured without pdfmake\'s style stack give the same PDF bytes as pdfmake\'s own measuring', async () => {
    // Paragraph lines, a bookmarked heading, table figures merged into runs, a line with edge spaces.
    const input = reportWith(['正文段落，含电子邮箱：office@example.gov.cn。'.repeat(12), '  前后留空的行  ']);
    const { plan } = await createRenderer().plan(input);
    const fonts = createFontRegistry();
    const creationDate = new Date('2021-01-15T00:00:00Z');
    const paint = async (placed: boolean) => {
      const definition = toDocDefinition(plan, fonts, creationDate);
      let marked = 0;
      for (const page of definition.content as unknown as { stack: Record<string, unknown>[] }[]) {
        for (const node of page.stack) {
          if (node[PLACED_TEXT] === true) marked += 1;
          if (!placed) delete node[PLACED_TEXT];
        }
      }
      const instance = createPdfmakeInstance();
      instance.setFonts(fonts.fontDictionary());
      const before = placedTextMeasureCount();
      const pdf = await instance.createPdf(definition).getBuffer();
      return { pdf, marked, measured: placedTextMeasureCount() - before };
    };
    const own = await paint(false);
    const placed = await paint(true);
    expect(own.measured).toBe(0);
    expect(placed.marked).toBeGreaterThan(10);
    // Fails the day the hook stops taking effect (another pdfmake version): every marked node went through it.
    expect(placed.measured).toBe(placed.marked);
    expect(Buffer.from(placed.pdf).equals(Buffer.from(own.pdf))).toBe(true);
  });

  test('modules deferred at start-up (encryption, WOFF2) still work when pdfkit and fontkit call them', async () => {
    await renderReport(reportWith(['先渲染一次。']));
    const pdfkitPath = createRequire(require.resolve('pdfmake')).resolve('pdfkit');
    const fromPdfkit = createRequire(pdfkitPath);
    const fromFontkit = createRequire(fromPdfkit.resolve('fontkit'));
    // pdfkit's AES-256 encryption goes through @noble/hashes (sha2, utils) and @noble/ciphers.
    const PDFDocument = fromPdfkit('pdfkit') as new (options: object) => NodeJS.ReadableStream & { end(): void; text(t: string): unknown };
    const doc = new PDFDocument({ userPassword: 'secret', pdfVersion: '1.7ext3' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    doc.text('encrypted');
    doc.end();
    await ended;
    const encrypted = Buffer.concat(chunks).toString('latin1');
    expect(encrypted).toMatch(/\/Filter \/Standard/u);
    expect(encrypted).toMatch(/\/V 5/u);
    // fontkit's WOFF2 path decompresses with brotli.
    const plain = Buffer.from('字形数据'.repeat(50));
    const decompress = fromFontkit('brotli/decompress.js') as (input: Buffer) => Uint8Array;
    expect(Buffer.from(decompress(zlib.brotliCompressSync(plain)))).toEqual(plain);
  });

  test('embeds fonts as subsets and writes metadata and the language', async () => {
    const { pdf } = await renderReport(reportWith(['正文。']), { creationDate: new Date('2024-01-02T00:00:00Z') });
    const text = latin1(pdf);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/u);
    expect(text).toContain('/Lang (zh-CN)');
    expect(text).toContain('(gov-report-pdf)');
  });

  test('dates the PDF by the report itself: date of issue, else signature date, else the day after its year', async () => {
    const creationDateOf = async (extra: Record<string, unknown>, meta: Record<string, unknown> = {}) => {
      const input = reportWith(['正文。'], extra) as { meta: Record<string, unknown> };
      const { pdf } = await renderReport({ ...input, meta: { ...input.meta, ...meta } });
      const text = latin1(pdf);
      const objectNumber = /\/CreationDate (\d+) 0 R/u.exec(text)?.[1];
      return new RegExp(`\\n${objectNumber} 0 obj\\n\\(D:(\\d{14})Z\\)`, 'u').exec(text)?.[1];
    };
    expect(await creationDateOf({}, { date: '2022-01-20' })).toBe('20220119160000');
    expect(await creationDateOf({ signature: { date: '2022-01-25' } })).toBe('20220124160000');
    expect(await creationDateOf({})).toBe('20211231160000');
  });

  test('reports characters the fonts cannot draw, with their path; strict mode refuses', async () => {
    const input = reportWith(['普通文字𠮷和😀。']);
    const { warnings } = await renderReport(input);
    const missing = warnings.find((w) => w.code === 'missing_glyph');
    expect(missing?.pathText).toBe('sections[0].content[0]');
    expect(missing?.message.en).toContain('U+20BB7');
    expect(missing?.message.en).toContain('U+1F600');
    await expect(renderReport(input, { strict: true })).rejects.toBeInstanceOf(StrictModeRefusalError);
  });

  test('removes invisible control characters and reports them', async () => {
    const { warnings } = await renderReport(reportWith(['正文\u200b含零宽\u0007字符。']));
    const removed = warnings.find((w) => w.code === 'invisible_character_removed');
    expect(removed?.message.en).toContain('U+200B');
    expect(removed?.message.en).toContain('U+0007');
  });

  test('rejects bad input with a validation error naming the path, before pdfmake runs', async () => {
    const error = await renderReport(reportWith(['  '])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportValidationError);
    expect((error as ReportValidationError).issues[0]?.pathText).toBe('sections[0].content[0]');
    expect((error as ReportValidationError).message).toContain('段落不能为空 / paragraph must not be empty');
  });

  test('an unknown layout name is a clear error listing the presets', async () => {
    const error = await renderReport(reportWith(['正文。']), { layout: 'nope' as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LayoutPresetError);
    expect((error as Error).message).toContain('gbt9704');
  });
});

describe('images and resources', () => {
  test('draws a PNG given as base64 data', async () => {
    const png = Buffer.from(makePng(40, 20)).toString('base64');
    const { pdf } = await renderReport(reportWith([{ image: { data: png, width: 40, caption: '图1 示意' } }]));
    expect(latin1(pdf)).toContain('/Subtype /Image');
  });

  test('never reads a local file the options do not allow', async () => {
    const error = await renderReport(reportWith([{ image: { src: '/etc/passwd' } }])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceDeniedError);
    expect((error as ResourceDeniedError).issues[0]?.pathText).toBe('sections[0].content[0].image.src');
  });

  test('reads an image file only inside an allowed folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grp-img-'));
    writeFileSync(join(dir, 'a.png'), makePng(10, 10));
    const { pdf } = await renderReport(reportWith([{ image: { src: join(dir, 'a.png') } }]), { resources: { allowedDirectories: [dir] } });
    expect(latin1(pdf)).toContain('/Subtype /Image');
    const outside = await renderReport(reportWith([{ image: { src: join(dir, '..', 'x.png') } }]), { resources: { allowedDirectories: [dir] } }).catch((e: unknown) => e);
    expect(outside).toBeInstanceOf(ResourceDeniedError);
  });

  test('never fetches a URL the options do not allow: the server sees no request', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests += 1;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const error = await renderReport(reportWith([{ image: { src: `http://127.0.0.1:${port}/x.png` } }])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResourceDeniedError);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  test('rejects data that is not PNG or JPEG with E_IMAGE', async () => {
    const error = await renderReport(reportWith([{ image: { data: Buffer.from('not an image').toString('base64') } }])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect(error).toMatchObject({ code: 'E_IMAGE' });
    expect((error as ImageError).issues[0]?.pathText).toBe('sections[0].content[0].image.data');
  });
});

describe('fonts by role', () => {
  const sans = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

  test('registering a file for a role switches that role, per renderer, even when renderers run at once', async () => {
    const input = reportWith(['数字2021与2022的宽度因字体而异。']);
    const serifRenderer = createRenderer();
    const sansRenderer = createRenderer({ fonts: { body: { path: sans } } });
    const [serifAlone, sansAlone] = [await serifRenderer.render(input), await sansRenderer.render(input)];
    const [serifTogether, sansTogether] = await Promise.all([serifRenderer.render(input), sansRenderer.render(input)]);
    expect(latin1(sansAlone.pdf)).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/u);
    expect(Buffer.compare(Buffer.from(serifAlone.pdf), Buffer.from(sansAlone.pdf))).not.toBe(0);
    expect(Buffer.compare(Buffer.from(serifTogether.pdf), Buffer.from(serifAlone.pdf))).toBe(0);
    expect(Buffer.compare(Buffer.from(sansTogether.pdf), Buffer.from(sansAlone.pdf))).toBe(0);
  });

  test('a font file that does not exist is a FontError naming the file and role', async () => {
    const error = await createRenderer({ fonts: { title: { path: '/no/such/方正小标宋.ttf' } } }).render(reportWith(['正文。'])).catch((e: unknown) => e);
    expect((error as Error).name).toBe('FontError');
    expect((error as Error).message).toContain('/no/such/方正小标宋.ttf');
    expect((error as Error).message).toContain('title');
  });

  const renderWithFonts = (fonts: unknown) =>
    createRenderer({ fonts: fonts as never }).render(reportWith(['正文。'])).catch((e: unknown) => e);

  test.each([
    ['a path that is not a string', { body: { path: 42 } }, 'fonts.body'],
    ['a null font spec', { title: null }, 'fonts.title'],
    ['a bold face without a path', { table: { path: '/x.ttf', bold: {} } }, 'fonts.table'],
    ['a role that does not exist', { bodyy: { path: '/x.ttf' } }, 'fonts.bodyy'],
    ['a fonts option that is not an object', null, 'fonts'],
  ])('%s is a FontError that says what is valid, in Chinese and English', async (_name, fonts, where) => {
    const error = await renderWithFonts(fonts);
    expect(error).toMatchObject({ name: 'FontError', code: 'E_FONT' });
    const { message } = error as Error;
    expect(message).toContain(where);
    expect(message).toMatch(/应为|可用的角色|按角色/u);
    expect(message).toMatch(/it must be|the roles are|it must map roles/u);
  });

  test('a font file replaced while the process runs is a FontError once a glyph not yet read is needed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gov-report-pdf-replaced-'));
    const path = join(dir, 'body.ttf');
    copyFileSync(sans, path);
    const renderer = createRenderer({ fonts: { body: { path } } });
    expect((await renderer.render(reportWith(['第一次。']))).pdf.length).toBeGreaterThan(0);
    // The same bytes under a new inode, as a package upgrade would leave them.
    copyFileSync(sans, `${path}.new`);
    renameSync(`${path}.new`, path);
    const error = await renderer.render(reportWith(['鬱鬯龘齉靐。'])).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'FontError', code: 'E_FONT' });
    expect((error as Error).message).toContain('changed or replaced');
  });

  test('a FIFO or a device as a font path is refused at once (only regular files are read)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gov-report-pdf-fifo-'));
    const fifo = join(dir, 'font.ttf');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const [fromFifo, fromDevice] = [await renderWithFonts({ body: { path: fifo } }), await renderWithFonts({ kai: { path: '/dev/zero' } })];
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(fromFifo).toMatchObject({ name: 'FontError' });
    expect((fromFifo as Error).message).toContain('not a regular file');
    expect((fromDevice as Error).message).toMatch(/kai.*not a regular file|not a regular file.*kai/u);
  });
});

describe('arguments', () => {
  test('options that are not an object are refused with E_INVALID_ARGUMENT, not a TypeError', async () => {
    const error = await renderReport(reportWith(['正文。']), null as unknown as undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidArgumentError', code: 'E_INVALID_ARGUMENT' });
  });
});

describe('official form tables', () => {
  test('a character the fonts cannot draw in a form value is reported at its data key', async () => {
    const input = {
      meta: { title: '报告', issuer: '机关', year: 2023 },
      sections: [{ heading: '主动公开', content: [{ form: 'table2', data: { documents: { normativeDocuments: { issued: 3, repealed: 1, inForce: { value: 55, note: '含𠮷件' } } } } }] }],
    };
    const { warnings } = await createRenderer().plan(input);
    const missing = warnings.find((w) => w.code === 'missing_glyph');
    expect(missing?.pathText).toBe('sections[0].content[0].data.documents.normativeDocuments.inForce');
  });
});
