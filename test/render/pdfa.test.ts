/**
 * Archival output (PDF/A-2b, PDF/A-2u). veraPDF is not available here (neither npm nor Debian
 * ships it), so a PDF/A file is checked three ways:
 * 1. a structural test of what PDF/A-2 requires of the file (this file, no tool needed);
 * 2. `qpdf --check` (Debian `qpdf`): syntax, cross-reference table, stream encodings;
 * 3. Apache PDFBox Preflight (Debian `libpdfbox2-java`, on Java 17): a full PDF/A-1b validator.
 *    Its PDF/A-1-only rules (CIDSet for subset fonts, pdfaid:part must be 1, no level U, no soft masks;
 *    and the outline root's Count, which pdfkit writes only for expanded entries) are listed and
 *    every other finding fails the test.
 * `.ci/install-validators.sh` installs the Debian packages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { InvalidArgumentError, renderReport } from '../../src/index.ts';
import { EXAMPLES_DIR } from '../helpers/paths.ts';
import { makePng, reportWith } from './fixtures.ts';

const seed = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'seed-2020-water-bureau.json'), 'utf8')) as Record<string, unknown>;
const work = mkdtempSync(join(tmpdir(), 'gov-report-pdfa-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PREFLIGHT_JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((name) => `/usr/share/java/${name}.jar`);
/** Preflight rules of PDF/A-1 that PDF/A-2 does not have (ISO 19005-2 makes CIDSet optional and names part 2). */
const PDFA1_ONLY = [/^3\.1\.11 : .*CIDSet entry is missing/u, /^7\.11\.2 : .*part must be 1/u, /^7\.11\.1 : .*conformance level must be A or B/u, /^1\.4\.9 : Outlines invalid, Outline Hierarchy doesn't have Count entry/u,
  // PDF/A-2 allows transparency (ISO 19005-2 6.4): a PNG's alpha channel becomes an image SMask.
  /^2\.2\.2 : Invalid graphics transparency, Soft Mask must be null or None/u,
];

interface PdfObject {
  readonly dict: string;
  readonly stream?: Buffer;
}

/** Reads the uncompressed object dictionaries pdfkit writes (it writes no object streams), with raw stream bytes. */
function readObjects(pdf: Uint8Array): Map<number, PdfObject> {
  const buffer = Buffer.from(pdf);
  const text = buffer.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/gu)) {
    const body = match[2]!;
    const at = body.indexOf('\nstream\n');
    if (at < 0) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    const start = match.index + match[0].indexOf(body) + at + '\nstream\n'.length;
    const end = text.indexOf('\nendstream', start);
    objects.set(Number(match[1]), { dict: body.slice(0, at), stream: buffer.subarray(start, end) });
  }
  return objects;
}

const refIn = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`, 'u').exec(dict)?.[1]);

/** Decodes a PDF text string as pdfkit writes it: a literal `(…)` with escapes, UTF-16BE after a byte-order mark. */
function textString(value: string): string {
  const literal = /^\(([\s\S]*)\)$/u.exec(value.trim());
  if (literal === null) return value.trim();
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const raw = literal[1]!.replace(/\\([0-7]{1,3}|[\s\S])/gu, (_, c: string) => (/^[0-7]+$/u.test(c) ? String.fromCharCode(parseInt(c, 8)) : (escapes[c] ?? c)));
  const bytes = Buffer.from(raw, 'latin1');
  return bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : raw;
}

function structure(pdf: Uint8Array) {
  const objects = readObjects(pdf);
  const text = Buffer.from(pdf).toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const catalog = objects.get(refIn(trailer, 'Root'))!;
  const info = objects.get(refIn(trailer, 'Info'))!;
  const infoValue = (key: string) => {
    const ref = refIn(info.dict, key);
    return Number.isNaN(ref) ? undefined : textString(objects.get(ref)!.dict);
  };
  const intents = /\/OutputIntents \[(\d+) 0 R\]/u.exec(catalog.dict);
  const intent = intents === null ? undefined : objects.get(Number(intents[1]));
  const profile = intent === undefined ? undefined : objects.get(refIn(intent.dict, 'DestOutputProfile'));
  const metadata = objects.get(refIn(catalog.dict, 'Metadata'));
  const fontDescriptors = [...objects.values()].filter((o) => o.dict.includes('/Type /FontDescriptor'));
  return { text, trailer, catalog, infoValue, intent, profile, metadata, fontDescriptors, xmp: metadata?.stream?.toString('utf8') ?? '' };
}

const tool = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
function requireTools(): void {
  const missing = [...(tool('qpdf') ? [] : ['qpdf']), ...(tool('java') ? [] : ['java']), ...PREFLIGHT_JARS.filter((jar) => !existsSync(jar))];
  if (missing.length > 0) throw new Error(`PDF/A validators missing: ${missing.join(', ')} — run \`bash .ci/install-validators.sh\` (Debian packages qpdf, libpdfbox2-java, libactivation-java, libjaxb-api-java)`);
}

function preflight(pdf: Uint8Array, name: string): string[] {
  const file = join(work, name);
  writeFileSync(file, pdf);
  const result = spawnSync('java', ['-cp', PREFLIGHT_JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8', timeout: 120_000 });
  const lines = `${result.stdout}\n${result.stderr}`.split('\n').map((line) => line.trim()).filter((line) => /^\d+(\.\d+)+ : /u.test(line));
  // A valid PDF/A-1b file prints "is a valid PDF/A-1b file"; ours is PDF/A-2, so it cannot.
  expect(`${result.stdout}${result.stderr}`).toMatch(/not a valid PDF\/A-1b file|is a valid PDF\/A-1b file/u);
  return lines;
}

function qpdfCheck(pdf: Uint8Array, name: string): string {
  const file = join(work, name);
  writeFileSync(file, pdf);
  return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
}

describe('PDF/A output', () => {
  test('PDF/A-2b: version, identification, output intent with an sRGB ICC profile, XMP equal to the Info dictionary, zh-CN, embedded fonts', async () => {
    const { pdf } = await renderReport(seed, { pdfa: '2b' });
    const s = structure(pdf);
    expect(s.text.startsWith('%PDF-1.7\n%\xFF\xFF\xFF\xFF')).toBe(true);
    expect(s.xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/u);
    expect(s.metadata!.dict).toMatch(/\/Type \/Metadata/u);
    expect(s.metadata!.dict).not.toMatch(/\/Filter/u); // readable XMP packet
    expect(s.intent!.dict).toMatch(/\/S \/GTS_PDFA1/u);
    expect(s.intent!.dict).toMatch(/\/OutputConditionIdentifier \(sRGB IEC61966-2.1\)/u);
    expect(s.profile!.dict).toMatch(/\/N 3/u);
    const icc = /\/FlateDecode/u.test(s.profile!.dict) ? inflateSync(s.profile!.stream!) : s.profile!.stream!;
    expect(icc.subarray(36, 40).toString('latin1')).toBe('acsp');
    expect(icc.subarray(16, 20).toString('latin1')).toBe('RGB ');
    expect(s.catalog.dict).toContain('/Lang (zh-CN)');
    // XMP and Info say the same (PDF/A-2 6.6.2.3).
    const title = s.infoValue('Title')!;
    const seedTitle = (seed.meta as { title: string | string[] }).title;
    expect(title).toBe(typeof seedTitle === 'string' ? seedTitle : seedTitle.join(''));
    expect(s.xmp).toContain(`<rdf:li xml:lang="x-default">${title}</rdf:li>`);
    expect(s.xmp).toContain(`<rdf:li>${s.infoValue('Author')!}</rdf:li>`);
    expect(s.xmp).toContain(`<pdf:Producer>${s.infoValue('Producer')!}</pdf:Producer>`);
    expect(s.xmp).toContain(`<xmp:CreatorTool>${s.infoValue('Creator')!}</xmp:CreatorTool>`);
    expect(s.trailer).toMatch(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/u);
    // Every font program is embedded; nothing PDF/A forbids.
    expect(s.fontDescriptors.length).toBeGreaterThan(0);
    for (const descriptor of s.fontDescriptors) expect(descriptor.dict).toMatch(/\/FontFile[23]? \d+ 0 R/u);
    expect(s.text).not.toMatch(/\/Encrypt|\/JavaScript|\/JS |\/EmbeddedFile|\/Launch/u);
  });

  test('PDF/A-2u differs from 2b only in the conformance letter; plain output has no PDF/A identification', async () => {
    const b = await renderReport(seed, { pdfa: '2b' });
    const u = await renderReport(seed, { pdfa: '2u' });
    expect(u.pdf.byteLength).toBe(b.pdf.byteLength);
    expect(structure(u.pdf).xmp).toContain('<pdfaid:conformance>U</pdfaid:conformance>');
    const differing = [...u.pdf].filter((byte, i) => byte !== b.pdf[i]).length;
    expect(differing).toBe(1);
    // Level U: every font has a ToUnicode map.
    const fonts = [...readObjects(u.pdf).values()].filter((o) => /\/Type \/Font\b/u.test(o.dict) && /\/Subtype \/Type0/u.test(o.dict));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.dict).toMatch(/\/ToUnicode \d+ 0 R/u);
    const plain = await renderReport(seed);
    expect(Buffer.from(plain.pdf).toString('latin1')).not.toMatch(/pdfaid|OutputIntents/u);
  });

  test('a title with XML-special characters keeps the XMP packet well-formed and equal to the Info dictionary', async () => {
    const { pdf } = await renderReport({ ...reportWith(['正文。']), meta: { title: 'A&B<C>报告', issuer: '机关 & 单位', year: 2021 } }, { pdfa: '2b' });
    const s = structure(pdf);
    expect(s.infoValue('Title')).toBe('A＆B＜C＞报告');
    expect(s.xmp).toContain('<rdf:li xml:lang="x-default">A＆B＜C＞报告</rdf:li>');
    expect(s.xmp).not.toMatch(/&(?![a-z]+;|#)/u);
  });

  test('an unknown pdfa level is an InvalidArgumentError', async () => {
    await expect(renderReport(seed, { pdfa: '1a' as never })).rejects.toThrow(InvalidArgumentError);
  });

  test('validators: qpdf --check finds no error, and PDFBox Preflight finds nothing but the PDF/A-1-only rules', async () => {
    requireTools();
    const image = makePng(40, 20);
    const cases = {
      seed: (await renderReport(seed, { pdfa: '2b' })).pdf,
      'seed-2u': (await renderReport(seed, { pdfa: '2u' })).pdf,
      'image-and-title': (await renderReport({ ...reportWith(['正文。', { image: { data: Buffer.from(image).toString('base64'), width: 30, caption: '图1' } }]), meta: { title: 'A&B<C>报告', issuer: '机关', year: 2021 } }, { pdfa: '2b' })).pdf,
    };
    for (const [name, pdf] of Object.entries(cases)) {
      expect(qpdfCheck(pdf, `${name}.pdf`)).toContain('No syntax or stream encoding errors found');
      const findings = preflight(pdf, `${name}.pdf`);
      const unexpected = findings.filter((line) => !PDFA1_ONLY.some((rule) => rule.test(line)));
      expect(unexpected, `${name}: ${unexpected.join('\n')}`).toStrictEqual([]);
      expect(findings.some((line) => line.startsWith('7.11.2'))).toBe(true); // it did read our XMP identification
    }
    // The same validator rejects a plain (non-archival) render: no output intent, no XMP.
    const plain = preflight((await renderReport(seed)).pdf, 'plain.pdf').filter((line) => !PDFA1_ONLY.some((rule) => rule.test(line)));
    expect(plain.some((line) => line.startsWith('2.4.3'))).toBe(true);
  }, 120_000);
});
