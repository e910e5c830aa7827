/**
 * Issue 10, point 8 (the library's part): a row tree one level too deep names maxHeaderDepth, and
 * a layout preset whose geometry cannot hold one line of body text is refused with
 * E_INVALID_LAYOUT naming the path — never accepted to end in E_PLAN_MISMATCH. A property renders
 * a small report with random page geometries: every preset is either refused with a named error
 * or renders.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRenderer, LayoutPresetError, resolvePreset, validateReport } from '../../src/index.ts';
import { GovReportError } from '../../src/errors/errors.ts';
import type { LayoutPresetInput } from '../../src/index.ts';

const gbt = JSON.parse(readFileSync(new URL('../../layouts/gbt9704.json', import.meta.url), 'utf8')) as Record<string, any>;
// Hostile presets on purpose: typed as the option so the render's own check is what refuses them.
const withPage = (page: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...gbt, ...extra, page: { ...gbt.page, ...page } }) as LayoutPresetInput;
const report = {
  meta: { title: '版式测试', issuer: '某局', year: 2020, date: '2021-01-15' },
  sections: [{ heading: '总体情况', content: ['本报告根据条例编制。', { table: { columns: ['数量'], rows: [{ label: '甲', values: [1] }] } }] }],
  attachments: [{ label: '附件1', title: '横向附件', orientation: 'landscape', content: ['正文。'] }],
};

describe('row trees', () => {
  it('one level past maxHeaderDepth names the limit, not an unknown key', () => {
    let row: Record<string, unknown> = { label: '甲', values: [1] };
    for (let level = 0; level < 3; level++) row = { label: '乙', children: [row] };
    const result = validateReport({ meta: report.meta, sections: [{ heading: '一', content: [{ table: { columns: ['数'], rows: [row] } }] }] }, { maxHeaderDepth: 3 });
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.pathText, issue.message.en])).toEqual([
      ['limit', 'sections[0].content[0].table.rows[0].children[0].children[0].children', 'exceeds the limit maxHeaderDepth: at most 3 levels of row headers'],
    ]);
  });
});

describe('layout preset geometry', () => {
  it.each([
    ['margins wider than the page', withPage({ margins: { top: 37, right: 120, bottom: 35, left: 120 } }), 'page.margins'],
    ['margins taller than the page', withPage({ margins: { top: 200, right: 26, bottom: 120, left: 28 } }), 'page.margins'],
    ['a text block lower than one line', withPage({ margins: { top: 140, right: 26, bottom: 150, left: 28 } }), 'page.margins'],
    ['fits in portrait, not in landscape', withPage({ width: 210, height: 420, margins: { top: 100, right: 20, bottom: 100, left: 20 } }), 'page.margins'],
    ['narrower than the indent plus one character', withPage({ margins: { top: 37, right: 102, bottom: 35, left: 102 } }), 'page.margins'],
    ['a grid whose lines overlap', withPage({ margins: { top: 37, right: 26, bottom: 35, left: 28 } }, { grid: { lines: 60, chars: 28 } }), 'grid.lines'],
    ['page number below the paper', { ...gbt, folio: { ...gbt.folio, distanceBelow: 40 } }, 'folio.distanceBelow'],
  ].map(([name, preset, path]) => [name as string, path as string, preset as Record<string, unknown>] as const))('%s is E_INVALID_LAYOUT at %s', (_name, path, preset) => {
    let error: unknown;
    try {
      resolvePreset(preset);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LayoutPresetError);
    expect((error as LayoutPresetError).code).toBe('E_INVALID_LAYOUT');
    expect((error as LayoutPresetError).issues.map((issue) => issue.pathText)).toContain(path);
    for (const issue of (error as LayoutPresetError).issues) expect(issue.message.zh.length * issue.message.en.length).toBeGreaterThan(0);
  });

  it('the built-in presets pass', () => {
    expect(resolvePreset('gbt9704').name).toBe('gbt9704');
    expect(resolvePreset('compact').name).toBe('compact');
  });

  it('any page geometry is refused with a named error or renders (never E_PLAN_MISMATCH)', async () => {
    const renderer = createRenderer();
    const side = fc.integer({ min: 20, max: 600 });
    const margin = fc.integer({ min: 0, max: 150 });
    await fc.assert(
      fc.asyncProperty(fc.record({ width: side, height: side, top: margin, right: margin, bottom: margin, left: margin }), async (g) => {
        const preset = withPage({ width: g.width, height: g.height, margins: { top: g.top, right: g.right, bottom: g.bottom, left: g.left } });
        try {
          await renderer.plan(report, { layout: preset as never }); // deliberately any geometry, valid or not
        } catch (error) {
          if (!(error instanceof GovReportError) || error.code !== 'E_INVALID_LAYOUT') throw error;
          return;
        }
        await renderer.render(report, { layout: preset as never });
      }),
      { numRuns: Number(process.env.PRESET_RUNS ?? 12) },
    );
  });
});
