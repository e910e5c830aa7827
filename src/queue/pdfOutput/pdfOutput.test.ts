import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isPdfTempFile, pdfFileName, removeStalePdfTempFiles, writeJobPdf } from './pdfOutput.ts';

const ID = 'rpt-3f2a9c1b04d5e6f708192a3b4c5d6e7f';

describe('pdfFileName', () => {
  test('is the input name plus the start of the job id', () => {
    expect(pdfFileName('reports/seed-2020-water-bureau.json', ID)).toBe('seed-2020-water-bureau.3f2a9c1b04d5.pdf');
  });

  test('a job without a file is "report"; characters a file name cannot hold are replaced', () => {
    expect(pdfFileName(undefined, ID)).toBe('report.3f2a9c1b04d5.pdf');
    expect(pdfFileName('a:b*c?.json', ID)).toBe('a_b_c_.3f2a9c1b04d5.pdf');
    expect(pdfFileName('..json', ID)).toBe('_.3f2a9c1b04d5.pdf');
  });
});

describe('writing a job\'s PDF', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'gov-report-pdf-queue-out-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  test('replaces what a killed attempt left: one whole file, no temp file', async () => {
    const name = pdfFileName('a.json', ID);
    await writeFile(join(folder, `.${name}.gov-report-pdf-42-0123456789ab.tmp`), '%PDF-half');
    await writeFile(join(folder, '.other.0000aaaa0000.pdf.0123456789ab.tmp'), 'another job, still writing');
    const path = await writeJobPdf(folder, name, new TextEncoder().encode('%PDF-1.7 whole'));
    expect(await readFile(path, 'utf8')).toBe('%PDF-1.7 whole');
    expect((await readdir(folder)).sort()).toEqual(['.other.0000aaaa0000.pdf.0123456789ab.tmp', name]);
  });

  test('on start, only temp files older than the given age are removed', async () => {
    const old = '.a.000000000000.pdf.111111111111.tmp';
    const fresh = '.b.000000000000.pdf.222222222222.tmp';
    await writeFile(join(folder, old), 'x');
    await writeFile(join(folder, fresh), 'x');
    await writeFile(join(folder, 'keep.tmp'), 'not ours');
    const now = Date.now();
    await utimes(join(folder, old), new Date(now - 3_600_000), new Date(now - 3_600_000));
    expect(await removeStalePdfTempFiles(folder, 600_000, now)).toEqual([old]);
    expect((await readdir(folder)).sort()).toEqual([fresh, 'keep.tmp']);
  });

  test('isPdfTempFile recognises the temp files of one PDF or of any', () => {
    expect(isPdfTempFile('.a.1.pdf.gov-report-pdf-42-0123456789ab.tmp', 'a.1.pdf')).toBe(true);
    expect(isPdfTempFile('.a.1.pdf.gov-report-pdf-42-0123456789ab.tmp', 'b.1.pdf')).toBe(false);
    expect(isPdfTempFile('.a.1.pdf.gov-report-pdf-42-0123456789ab.tmp')).toBe(true);
    expect(isPdfTempFile('a.1.pdf')).toBe(false);
  });
});
