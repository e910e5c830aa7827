import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayoutPresetInput } from '../../src/index.ts';
import { describe, expect, test } from 'vitest';
import { createRenderer, renderReport } from '../../src/index.ts';
import type { PlacedText, PlannedPage } from '../../src/index.ts';
import { createFontRegistry } from '../../src/render/fonts/fontRegistry.ts';
import { LAYOUTS_DIR } from '../helpers/paths.ts';
import { reportWith } from './fixtures.ts';

const renderer = createRenderer();
const MM = 72 / 25.4;
const textsOf = (page: PlannedPage) => page.items.filter((item): item is PlacedText => item.kind === 'text');

async function outlineOf(pdf: Uint8Array): Promise<{ title: string; items: { title: string }[] }[]> {
  await import('../helpers/installPdfjsPolyfills.ts');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: pdf.slice(), verbosity: 0 });
  const doc = await task.promise;
  const outline = (await doc.getOutline()) as { title: string; items: { title: string }[] }[];
  await task.destroy();
  return outline;
}

describe('document features', () => {
  test('the PDF outline lists numbered sections, their subsections and attachments', async () => {
    const { pdf } = await renderReport(
      reportWith([{ heading: '子节', content: ['正文。'] }], {
        attachments: [{ label: '附件1', title: '统计表', content: ['附件正文。'] }],
      }),
    );
    const outline = await outlineOf(pdf);
    expect(outline.map((entry) => entry.title)).toEqual(['一、总体情况', '附件1 统计表']);
    expect(outline[0]!.items.map((entry) => entry.title)).toEqual(['（一）子节']);
  });

  test('a wrapped title breaks where the meaning is whole and forms a trapezoid (lines grow or shrink steadily)', async () => {
    const title = '某某省某某市某某县人民政府办公室关于二〇二四年度政府信息公开工作年度报告的发布说明';
    const { plan } = await renderer.plan({ ...reportWith(['正文。']), meta: { title, issuer: '机关', year: 2024 } });
    const lines = textsOf(plan.pages[0]!).filter((t) => t.size === 22);
    expect(lines.length).toBeGreaterThan(1);
    const widths = lines.map((t) => [...t.text].length);
    const rising = widths.every((w, i) => i === 0 || w >= widths[i - 1]!);
    const falling = widths.every((w, i) => i === 0 || w <= widths[i - 1]!);
    expect(rising || falling).toBe(true);
    expect(lines.map((t) => t.text).join('')).toBe(title);
    // Never inside 政府信息公开: the year line ends the line before it.
    expect(lines.some((t) => t.text.startsWith('政府信息公开'))).toBe(true);
  });

  test('a title is not broken inside a word: …2023年 / 政府信息公开工作年度报告, not …2023年政府 / 信息公开…', async () => {
    const { plan } = await renderer.plan({ ...reportWith(['正文。']), meta: { title: '云溪县自然资源局2023年政府信息公开工作年度报告', issuer: '机关', year: 2023 } });
    expect(textsOf(plan.pages[0]!).filter((t) => t.size === 22).map((t) => t.text)).toEqual(['云溪县自然资源局2023年', '政府信息公开工作年度报告']);
  });

  test('the preset title shape is honoured: block fills the first line', async () => {
    const title = '某某省某某市某某县人民政府办公室关于二〇二四年度政府信息公开工作年度报告的发布说明';
    const preset = JSON.parse(readFileSync(join(LAYOUTS_DIR, 'gbt9704.json'), 'utf8')) as { title: { shape: string } };
    const shaped = async (shape: string) => {
      const { plan } = await renderer.plan({ ...reportWith(['正文。']), meta: { title, issuer: '机关', year: 2024 } }, { layout: { ...preset, title: { ...preset.title, shape } } as LayoutPresetInput });
      return textsOf(plan.pages[0]!).filter((t) => t.size === 22).map((t) => [...t.text].length);
    };
    const block = await shaped('block');
    const trapezoid = await shaped('trapezoid');
    expect(block[0]).toBeGreaterThan(trapezoid[0]!);
    expect(block[0]).toBeGreaterThanOrEqual(15);
  });

  test('a line feed inside a title string is an explicit break too', async () => {
    const { plan } = await renderer.plan({ ...reportWith(['正文。']), meta: { title: '某某县人民政府办公室\n2024年政府信息公开工作年度报告', issuer: '机关', year: 2024 } });
    expect(textsOf(plan.pages[0]!).filter((t) => t.size === 22).map((t) => t.text)).toEqual(['某某县人民政府办公室', '2024年政府信息公开工作年度报告']);
  });

  test('an explicit title line break wins', async () => {
    const { plan } = await renderer.plan({ ...reportWith(['正文。']), meta: { title: ['第一行', '第二行较长一些'], issuer: '机关', year: 2024 } });
    expect(textsOf(plan.pages[0]!).filter((t) => t.size === 22).map((t) => t.text)).toEqual(['第一行', '第二行较长一些']);
  });

  test('an attachment can be set on landscape pages', async () => {
    const { plan } = await renderer.plan(reportWith(['正文。'], { attachments: [{ label: '附件1', orientation: 'landscape', content: ['横向。'] }] }));
    expect(plan.pages[0]!.landscape).toBe(false);
    expect(plan.pages[1]!.landscape).toBe(true);
    expect(plan.pages[1]!.width).toBeGreaterThan(plan.pages[1]!.height);
  });

  test('the signature puts the date 4 characters from the right edge and centres the issuer over it', async () => {
    const { plan } = await renderer.plan({ ...reportWith(['正文。']), meta: { title: '报告', issuer: '某某区水务局', year: 2020, date: '2021-01-15' } });
    const texts = textsOf(plan.pages[0]!);
    const date = texts.find((t) => t.text === '2021年1月15日')!;
    const issuer = texts.find((t) => t.text === '某某区水务局' && t.y > date.y - 40)!;
    const metrics = createFontRegistry().measurer.face(date.face);
    const widthOf = (t: PlacedText) => [...t.text].reduce((sum, c) => sum + metrics.advance(c) * t.size + t.characterSpacing, -t.characterSpacing);
    expect(date.y).toBeGreaterThan(issuer.y);
    const right = (28 + 156) * MM - 4 * ((156 * MM) / 28);
    expect(date.x + widthOf(date)).toBeCloseTo(right, 3);
    expect(issuer.x + widthOf(issuer) / 2).toBeCloseTo(date.x + widthOf(date) / 2, 3);
  });

  test('a watermark and a draft date line are printed when asked for', async () => {
    const { pdf, warnings } = await renderReport({ ...reportWith(['正文。']), draft: { watermark: '征求意见稿', dateLine: '（2024年12月1日征求意见稿）' } });
    expect(warnings).toEqual([]);
    const { plan } = await renderer.plan({ ...reportWith(['正文。']), draft: { watermark: '征求意见稿', dateLine: '（2024年12月1日征求意见稿）' } });
    expect(textsOf(plan.pages[0]!).some((t) => t.text.includes('征求意见稿）'))).toBe(true);
    expect(plan.info.watermark).toBe('征求意见稿');
    expect(pdf.byteLength).toBeGreaterThan(1000);
  });
});

describe('table geometry', () => {
  const table3Like = {
    table: {
      corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      columns: [{ label: '申请人情况', children: ['自然人', { label: '法人或其他组织', children: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] }, '总计'] }],
      rows: [
        { label: '一、本年新收政府信息公开申请数量', values: [123456, 2, 3, 4, 5, 6, 123476] },
        { label: '三、本年度办理结果', children: [{ label: '（一）予以公开', values: [1, 0, 0, 0, 0, 0, 1] }] },
      ],
    },
  };

  test('fits the text block exactly, never breaks a number, and breaks short labels between words', async () => {
    const { plan } = await renderer.plan(reportWith([table3Like]));
    const page = plan.pages[0]!;
    const rules = page.items.filter((item) => item.kind === 'rule');
    const xs = rules.flatMap((rule) => (rule.kind === 'rule' ? [rule.x1, rule.x2] : []));
    expect(Math.min(...xs)).toBeCloseTo(28 * MM, 6);
    expect(Math.max(...xs)).toBeCloseTo((28 + 156) * MM, 6);
    const texts = textsOf(page).map((t) => t.text);
    expect(texts).toContain('123456');
    expect(texts).toContain('123476');
    for (const label of ['商业企业', '科研机构']) {
      expect(texts.includes(label) || (texts.includes(label.slice(0, 2)) && texts.includes(label.slice(2)))).toBe(true);
    }
    expect(texts.some((t) => t === '商业企' || t === '科研机')).toBe(false);
  });
});
