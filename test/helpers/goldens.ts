/**
 * Compares the pages of a PDF with its reviewed goldens, `golden/<case>/page-<n>.png`, or writes
 * them when `GOLDEN_UPDATE=1` (losslessly re-encoded as small greyscale PNGs; only pages whose
 * pixels changed are rewritten).
 *
 * A check fails when the page count differs from the golden count, when a page is blank (the
 * Node 20 pdfjs failure mode), or when a page differs by more than {@link MAX_DIFF_PIXELS} pixels.
 * On failure the actual page, the golden and a diff image are written to
 * `test/.artifacts/<case>/` and their paths are listed in the error message.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MAX_DIFF_PIXELS } from '../visual/thresholds.ts';
import { compareImages, decodePng, encodeCompactPng, isBlankImage, samePixels, type RgbaImage } from './comparePng.ts';
import { ARTIFACTS_DIR, GOLDEN_DIR, REPO_ROOT } from './paths.ts';
import { renderPdfToPngs, type PngPage } from './pdfToPng.ts';

/** What happened to one page. */
export type PageStatus = 'match' | 'differs' | 'blank' | 'no-golden' | 'extra-golden' | 'written' | 'unchanged';

/** The outcome for one page. */
export interface PageCheck {
  /** 1-based page number. */
  readonly pageNumber: number;
  /** What happened. */
  readonly status: PageStatus;
  /** Differing pixels against the golden (when compared). */
  readonly diffPixels?: number;
  /** Share of differing pixels, 0–1 (when compared). */
  readonly diffRatio?: number;
  /** Files written to the artifacts folder for this page (repository-relative). */
  readonly artifacts: readonly string[];
}

/** The outcome of {@link checkGoldens}. */
export interface GoldenReport {
  /** The case name (folder under `golden/`). */
  readonly caseName: string;
  /** Whether goldens were written instead of compared. */
  readonly updated: boolean;
  /** Pages of the PDF. */
  readonly pageCount: number;
  /** Golden pages found before the check. */
  readonly goldenPageCount: number;
  /** One entry per page of the PDF, then one per extra golden page. */
  readonly pages: readonly PageCheck[];
  /** Golden files deleted because the PDF has fewer pages (update mode). */
  readonly deleted: readonly string[];
  /** Human-readable failures; empty when the check passed. */
  readonly failures: readonly string[];
}

/** Options of {@link checkGoldens}. */
export interface GoldenOptions {
  /** Write goldens instead of comparing (default: {@link isGoldenUpdate}). */
  readonly update?: boolean;
  /** Folder holding `<case>/page-<n>.png` (default `golden/`). */
  readonly goldenDir?: string;
  /** Folder for failure output (default `test/.artifacts/`). */
  readonly artifactsDir?: string;
  /** Most differing pixels a page may have (default {@link MAX_DIFF_PIXELS}). */
  readonly maxDiffPixels?: number;
}

const CASE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/u;
const PAGE_FILE = /^page-(\d+)\.png$/u;

/**
 * Tells whether goldens should be written instead of compared: `GOLDEN_UPDATE=1` (or `true`).
 *
 * @param env The environment (default `process.env`).
 * @returns `true` in update mode.
 */
export function isGoldenUpdate(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.GOLDEN_UPDATE;
  return value === '1' || value === 'true';
}

/**
 * The golden file of one page.
 *
 * @param caseName The case (folder under the golden dir).
 * @param pageNumber 1-based page number.
 * @param goldenDir The golden root (default `golden/`).
 * @returns The file's absolute path.
 */
export function goldenPath(caseName: string, pageNumber: number, goldenDir: string = GOLDEN_DIR): string {
  return join(goldenDir, caseName, `page-${pageNumber}.png`);
}

/** Page numbers of the golden files of a case, ascending. @internal */
export async function _listGoldenPages(caseDir: string): Promise<number[]> {
  if (!existsSync(caseDir)) return [];
  const names = await readdir(caseDir);
  return names
    .map((name) => PAGE_FILE.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

function rel(path: string): string {
  return relative(REPO_ROOT, path) || path;
}

/**
 * Renders a PDF and compares (or, in update mode, writes) its goldens.
 *
 * @param caseName Folder name under `golden/` (letters, digits, `.`, `_`, `-`).
 * @param pdf The PDF bytes.
 * @param options Update mode, folders, threshold.
 * @returns What happened to every page, and the failures.
 */
export async function checkGoldens(caseName: string, pdf: Uint8Array, options: GoldenOptions = {}): Promise<GoldenReport> {
  if (!CASE_NAME.test(caseName)) {
    throw new Error(`\`caseName\` must be letters, digits, ".", "_" or "-", but was actually ${JSON.stringify(caseName)}`);
  }
  const pages = await renderPdfToPngs(pdf);
  return checkGoldenPages(caseName, pages, options);
}

/**
 * Compares (or writes) already rendered pages with the goldens of a case.
 *
 * @param caseName Folder name under `golden/`.
 * @param pages The rendered pages, in order.
 * @param options Update mode, folders, threshold.
 * @returns What happened to every page, and the failures.
 */
export async function checkGoldenPages(caseName: string, pages: readonly PngPage[], options: GoldenOptions = {}): Promise<GoldenReport> {
  const update = options.update ?? isGoldenUpdate();
  const goldenDir = options.goldenDir ?? GOLDEN_DIR;
  const caseDir = join(goldenDir, caseName);
  const artifactDir = join(options.artifactsDir ?? ARTIFACTS_DIR, caseName);
  const maxDiff = options.maxDiffPixels ?? MAX_DIFF_PIXELS;
  const goldenPages = await _listGoldenPages(caseDir);
  await rm(artifactDir, { recursive: true, force: true });

  const failures: string[] = [];
  const images = pages.map((page) => decodePng(page.png));
  const blank = pages.filter((_, index) => isBlankImage(images[index]!)).map((page) => page.pageNumber);
  if (blank.length > 0) {
    failures.push(
      `page(s) ${blank.join(', ')} rendered blank (fewer ink pixels than MIN_INK_PIXELS): either the PDF page is empty ` +
        'or pdfjs failed silently (Node 20 without the transferToFixedLength polyfill)',
    );
  }
  if (update) return writeGoldens(caseName, pages, images, caseDir, goldenPages, blank, failures, artifactDir);

  if (goldenPages.length === 0) {
    failures.push(`no goldens in ${rel(caseDir)}/: run \`npm run golden:update\`, then LOOK at the new PNGs before committing them`);
  } else if (goldenPages.length !== pages.length) {
    failures.push(`page count ${pages.length} differs from the golden page count ${goldenPages.length} (${rel(caseDir)}/)`);
  }
  const checks: PageCheck[] = [];
  for (const [index, page] of pages.entries()) {
    const isBlank = blank.includes(page.pageNumber);
    checks.push(await comparePage(caseName, page, images[index]!, goldenDir, artifactDir, maxDiff, isBlank, failures));
  }
  for (const extra of goldenPages.filter((n) => n > pages.length)) {
    checks.push({ pageNumber: extra, status: 'extra-golden', artifacts: [] });
  }
  return { caseName, updated: false, pageCount: pages.length, goldenPageCount: goldenPages.length, pages: checks, deleted: [], failures };
}

async function comparePage(
  caseName: string,
  page: PngPage,
  image: RgbaImage,
  goldenDir: string,
  artifactDir: string,
  maxDiff: number,
  blank: boolean,
  failures: string[],
): Promise<PageCheck> {
  const n = page.pageNumber;
  const golden = goldenPath(caseName, n, goldenDir);
  const actualPath = join(artifactDir, `page-${n}.actual.png`);
  if (!existsSync(golden)) {
    await writeArtifact(actualPath, page.png);
    if (!blank) failures.push(`page ${n}: no golden ${rel(golden)} — actual: ${rel(actualPath)}`);
    return { pageNumber: n, status: 'no-golden', artifacts: [rel(actualPath)] };
  }
  const expected = decodePng(await readFile(golden));
  const quick = compareImages(image, expected, { withDiffImage: false });
  if (!blank && quick.sameSize && quick.diffPixels <= maxDiff) {
    return { pageNumber: n, status: 'match', diffPixels: quick.diffPixels, diffRatio: quick.diffRatio, artifacts: [] };
  }
  const result = quick.sameSize ? compareImages(image, expected) : quick;
  const artifacts = [actualPath];
  await writeArtifact(actualPath, page.png);
  const expectedCopy = join(artifactDir, `page-${n}.expected.png`);
  await copyFile(golden, expectedCopy);
  artifacts.push(expectedCopy);
  if (result.diffPng !== undefined) {
    const diffPath = join(artifactDir, `page-${n}.diff.png`);
    await writeArtifact(diffPath, result.diffPng);
    artifacts.push(diffPath);
  }
  if (!result.sameSize) {
    const size = `${image.width}×${image.height} px differs from the golden's ${expected.width}×${expected.height} px`;
    failures.push(`page ${n}: size ${size} — ${artifacts.map(rel).join(', ')}`);
  } else if (result.diffPixels > maxDiff) {
    failures.push(
      `page ${n}: ${result.diffPixels} px differ (${(result.diffRatio * 100).toFixed(3)}%), more than MAX_DIFF_PIXELS = ${maxDiff} — ` +
        artifacts.map(rel).join(', '),
    );
  }
  return {
    pageNumber: n,
    status: blank ? 'blank' : 'differs',
    diffPixels: result.diffPixels,
    diffRatio: result.diffRatio,
    artifacts: artifacts.map(rel),
  };
}

async function writeGoldens(
  caseName: string,
  pages: readonly PngPage[],
  images: readonly RgbaImage[],
  caseDir: string,
  goldenPages: readonly number[],
  blank: readonly number[],
  failures: string[],
  artifactDir: string,
): Promise<GoldenReport> {
  if (blank.length > 0) {
    // Never accept a blank page as a golden: keep the old goldens, show what was rendered.
    for (const page of pages) await writeArtifact(join(artifactDir, `page-${page.pageNumber}.actual.png`), page.png);
    return { caseName, updated: false, pageCount: pages.length, goldenPageCount: goldenPages.length, pages: [], deleted: [], failures };
  }
  await mkdir(caseDir, { recursive: true });
  const checks: PageCheck[] = [];
  for (const [index, page] of pages.entries()) {
    const path = join(caseDir, `page-${page.pageNumber}.png`);
    const image = images[index]!;
    // An unchanged page keeps its file, so `git status` shows only pages whose pixels changed.
    const same = existsSync(path) && samePixels(decodePng(await readFile(path)), image);
    if (!same) await writeFile(path, encodeCompactPng(image));
    checks.push({ pageNumber: page.pageNumber, status: same ? 'unchanged' : 'written', artifacts: [] });
  }
  const deleted: string[] = [];
  for (const extra of goldenPages.filter((n) => n > pages.length)) {
    const path = join(caseDir, `page-${extra}.png`);
    await unlink(path);
    deleted.push(rel(path));
  }
  return { caseName, updated: true, pageCount: pages.length, goldenPageCount: goldenPages.length, pages: checks, deleted, failures };
}

async function writeArtifact(path: string, png: Uint8Array): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, png);
}

/**
 * One-line summary of a report, for logs: pages written/unchanged/deleted or matched.
 *
 * @param report A report from {@link checkGoldens}.
 * @returns The summary.
 */
export function summarizeGoldenReport(report: GoldenReport): string {
  const count = (status: PageStatus) => report.pages.filter((page) => page.status === status).length;
  if (report.updated) {
    return `${report.caseName}: ${report.pageCount} page(s); written ${count('written')}, unchanged ${count('unchanged')}, deleted ${report.deleted.length}`;
  }
  return `${report.caseName}: ${report.pageCount} page(s); ${count('match')} match, ${report.failures.length} failure(s)`;
}

/**
 * Checks a PDF against its goldens (or writes them in update mode) and throws an Error listing
 * every failure with the paths of the actual, expected and diff PNGs.
 *
 * @param caseName Folder name under `golden/`.
 * @param pdf The PDF bytes.
 * @param options Update mode, folders, threshold.
 * @returns The report, when the check passed.
 */
export async function expectPdfMatchesGoldens(caseName: string, pdf: Uint8Array, options: GoldenOptions = {}): Promise<GoldenReport> {
  const report = await checkGoldens(caseName, pdf, options);
  if (report.updated) console.info(`[golden:update] ${summarizeGoldenReport(report)}`);
  if (report.failures.length > 0) {
    throw new Error(
      [`visual check of golden/${caseName} failed:`, ...report.failures.map((line) => `  - ${line}`)].join('\n') +
        '\nLook at the PNGs listed above; if the change is intended, run `npm run golden:update` and review the new goldens before committing.',
    );
  }
  return report;
}
