import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SEED, startService, type TestService } from './_helpers.ts';

// The preview page in a real browser: Debian's chromium driven by playwright-core. The page
// renders through the real server on 127.0.0.1 and draws the PDF with pdf.js.
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server: TestService;
let profile: string;
let context: BrowserContext;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's browser with "apt-get update && apt-get install -y chromium" (.ci/run does this)`);
  }
  server = await startService({ workers: 1 });
  profile = await mkdtemp(join(tmpdir(), 'gov-report-pdf-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (request) => requested.push(request.url()));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await server?.service.close();
  if (profile !== undefined) await rm(profile, { recursive: true, force: true });
});

const pageCount = () => page.evaluate(() => document.querySelector<HTMLElement>('#pages')!.dataset['pageCount']);

describe('preview page', () => {
  test('renders the seed\'s 8 pages, then names the 表三 cell whose total is broken and selects it in the JSON', async () => {
    await page.goto(`${server.url}/`);
    await page.fill('#report', SEED.toString('utf8'));
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#pages')!.dataset['pageCount'] === '8', undefined, { timeout: 120_000 });
    expect(await page.locator('#pages canvas').count()).toBe(8);
    // The first page has ink (pdf.js drew it), not just a white canvas.
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#pages canvas')!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark += 1;
      return dark;
    });
    expect(inked).toBeGreaterThan(1000);
    const seedProblems = await page.locator('#problems li').count();
    expect(seedProblems).toBeGreaterThan(0);

    const broken = JSON.parse(SEED.toString('utf8')) as { attachments: { content: { content: { data: { newlyReceived: { total: number } } }[] }[] }[] };
    broken.attachments[0]!.content[1]!.content[0]!.data.newlyReceived.total = 7;
    await page.fill('#report', JSON.stringify(broken, null, 2));
    const cell = page.locator('#problems li', { hasText: '表三 · 一、本年新收政府信息公开申请数量 × 总计：填报 7' });
    await cell.first().waitFor({ timeout: 120_000 });
    expect(await cell.first().textContent()).toContain('attachments[0].content[1].content[0].data.newlyReceived.total');

    await cell.first().click();
    const selection = await page.evaluate(() => {
      const editor = document.querySelector<HTMLTextAreaElement>('#report')!;
      return { text: editor.value.slice(editor.selectionStart, editor.selectionEnd), before: editor.value.slice(Math.max(0, editor.selectionStart - 600), editor.selectionStart) };
    });
    expect(selection.text).toBe('7');
    expect(selection.before).toMatch(/"newlyReceived": \{[^}]*"total": $/u);
    expect(await pageCount()).toBe('8');
  }, 240_000);

  test('the init skeletons of both form versions load into the editor', async () => {
    for (const version of ['2019', '2021']) {
      await page.click(`[data-skeleton="${version}"]`);
      await page.waitForFunction((wanted) => {
        try {
          return (JSON.parse(document.querySelector<HTMLTextAreaElement>('#report')!.value) as { form?: string }).form === wanted;
        } catch {
          return false;
        }
      }, version, { timeout: 30_000 });
    }
    // The skeleton is rendered: the broken seed's problems are gone, the skeleton's placeholders listed.
    await page.waitForFunction(() => {
      const items = Array.from(document.querySelectorAll('#problems li'), (item) => item.textContent ?? '');
      return items.length > 0 && !items.some((text) => text.includes('填报 7')) && items.some((text) => text.includes('占位符'));
    }, undefined, { timeout: 120_000 });
    expect(Number(await pageCount())).toBeGreaterThan(0);
  }, 240_000);

  test('the page\'s text is set in Noto Sans SC from @fontsource, served by the same server; nothing else is fetched', async () => {
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Noto Sans SC');
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '预览'))).toBe(true);
    expect(requested.some((url) => /\/assets\/noto-sans-sc\/files\/noto-sans-sc-[\w-]+-400-normal\.woff2$/u.test(url))).toBe(true);
    expect(requested.some((url) => url.endsWith('/assets/pdfjs/pdf.worker.min.mjs'))).toBe(true);
    expect(requested.filter((url) => !url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  });

  test('only the files the page needs are served from node_modules', async () => {
    expect((await fetch(`${server.url}/assets/noto-sans-sc/package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/assets/pdfjs/pdf.mjs`)).status).toBe(404);
    expect((await fetch(`${server.url}/assets/pdfjs/../../package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/assets/noto-sans-sc/400.css`)).status).toBe(200);
  });
});
