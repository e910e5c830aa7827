/**
 * Type tests of the public API (vitest typecheck: `vitest run` checks this file with tsc). Each
 * `@ts-expect-error` must be an error: if the type loosens again (`sections: unknown[]`,
 * `layout: string`), the directive is unused and the type check fails.
 */
import { describe, expectTypeOf, test } from 'vitest';
import { createRenderer, renderReport, type LayoutPresetName, type RenderOptions, type ReportInput } from '../../src/index.ts';

const meta = { title: '报告', issuer: '机关', year: 2021 };

describe('ReportInput', () => {
  test('accepts a full report: sections, nested sections, blocks, inline and banded tables, form data keyed by meaning', () => {
    const report = {
      meta: { ...meta, title: ['第一行', '第二行'], date: '2022-01-15' },
      form: '2021',
      layout: 'compact',
      intro: ['引言。', { lead: '一是', text: '加强领导。' }],
      sections: [
        {
          heading: '总体情况',
          content: [
            '段落。',
            { heading: '（一）主动公开', number: null, content: ['子段落。'] },
            { table: { corner: '信息内容', columns: ['数量', { label: '其中', children: ['甲', '乙'] }], rows: [{ label: '规章', values: [1, '2', null] }] } },
            { table: { caption: '表', bands: [{ title: '第一部分', columns: ['数量'], rows: [{ values: [3] }] }] } },
            { image: { data: new Uint8Array([1, 2]), width: 80, caption: '图' } },
            { form: 'table2', data: { documents: { normativeDocuments: { issued: 3, repealed: 1, inForce: { value: 55, note: '含自然失效29件' } } } } },
            { form: 'table3', version: '2021', data: { newlyReceived: { naturalPerson: 12 } } },
          ],
        },
      ],
      attachments: [{ label: '附件1', orientation: 'landscape', content: ['附件正文。'] }],
      signature: false,
    } satisfies ReportInput;
    expectTypeOf(report).toMatchTypeOf<ReportInput>();
  });

  test('types sections as sections, not unknown', () => {
    expectTypeOf<ReportInput['sections'][number]>().not.toBeUnknown();
    expectTypeOf<ReportInput['sections'][number]['heading']>().toEqualTypeOf<string>();
  });

  test('refuses a misspelt key in a section', () => {
    // @ts-expect-error `headng` is not a key of a section (did you mean `heading`?)
    const report: ReportInput = { meta, sections: [{ headng: '总体情况' }] };
    void report;
  });

  test('refuses a value of the wrong type in a table row', () => {
    // @ts-expect-error a cell is a number, a string or null
    const report: ReportInput = { meta, sections: [{ heading: 'h', content: [{ table: { columns: ['a'], rows: [{ label: 'r', values: [true] }] } }] }] };
    void report;
  });

  test('refuses a form data key that does not exist', () => {
    // @ts-expect-error 表二 has no `documentz` group
    const report: ReportInput = { meta, sections: [{ heading: 'h', content: [{ form: 'table2', data: { documentz: {} } }] }] };
    void report;
  });

  test('refuses a count given as text in form data', () => {
    // @ts-expect-error counts are integers (or { value, note } or null)
    const report: ReportInput = { meta, sections: [{ heading: 'h', content: [{ form: 'table2', data: { documents: { rules: { issued: '3' } } } }] }] };
    void report;
  });

  test('refuses a layout name that is not a built-in preset', () => {
    // @ts-expect-error there is no preset gbt9705
    const report: ReportInput = { meta, layout: 'gbt9705', sections: [] };
    void report;
  });
});

describe('RenderOptions.layout', () => {
  test('is the union of the preset names or a preset object', () => {
    expectTypeOf<LayoutPresetName>().toEqualTypeOf<'compact' | 'gbt9704'>();
    expectTypeOf<{ layout: 'gbt9704' }>().toMatchTypeOf<RenderOptions>();
    // @ts-expect-error there is no preset gbt9705
    const options: RenderOptions = { layout: 'gbt9705' };
    void options;
  });

  test('is what renderReport and a renderer accept', () => {
    expectTypeOf(renderReport).parameter(1).toEqualTypeOf<RenderOptions | undefined>();
    // A renderer takes untrusted data as unknown too: the schema checks it at run time.
    expectTypeOf(createRenderer().render).parameter(0).toEqualTypeOf<unknown>();
  });
});
