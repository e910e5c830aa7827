/**
 * Issue 7, "errors people can act on": the formatted messages (`path: 中文 / English`) of typical
 * mistakes, kept by inline snapshots so that they do not regress. Each message must name the
 * path, the rule and what would be valid.
 *
 * Cases whose current message is wrong or misleading are not snapshotted (that would freeze the
 * bug); they are explicit expectations in "messages that mislead" and fail until fixed — then
 * move them up here as snapshots (as was done for the misspelt block keys and the form id).
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/issues/createIssue.ts';
import { DEFAULT_LIMITS } from '../../src/schema/limits/limits.ts';
import { validateReport } from '../../src/schema/validateReport/validateReport.ts';
import type { InputLimits } from '../../src/schema/limits/limits.ts';

const meta = { title: '某区水务局2020年政府信息公开工作年度报告', issuer: '某区水务局', year: 2020 };

/** A report with the given sections. */
const report = (sections: unknown[], extra: Record<string, unknown> = {}) => ({ meta, sections, ...extra });

/** A report with one section holding the given blocks. */
const withBlocks = (...content: unknown[]) => report([{ heading: '总体情况', content }]);

/** A report with one table. */
const withTable = (table: Record<string, unknown>) => withBlocks({ table });

/**
 * The formatted messages for an input (empty when it is valid).
 *
 * @param input The report.
 * @param limits Size limits.
 * @returns One `path: 中文 / English` line per issue.
 */
function messages(input: unknown, limits: InputLimits = DEFAULT_LIMITS): string[] {
  const result = validateReport(input, limits);
  return result.ok ? [] : result.issues.map((issue) => formatIssue(issue));
}

describe('formatted messages of typical mistakes', () => {
  it('empty paragraph', () => {
    const input = report([{ heading: '一' }, { heading: '二' }, { heading: '三', content: [''] }]);
    expect(messages(input)).toMatchInlineSnapshot(`
      [
        "sections[2].content[0]: 段落不能为空 / paragraph must not be empty",
      ]
    `);
  });

  it('blank paragraph (only white space)', () => {
    expect(messages(withBlocks('　 \n'))).toMatchInlineSnapshot(`
      [
        "sections[0].content[0]: 段落不能为空 / paragraph must not be empty",
      ]
    `);
  });

  it('missing meta.title', () => {
    expect(messages({ meta: { issuer: '某区水务局', year: 2020 }, sections: [] })).toMatchInlineSnapshot(`
      [
        "meta.title: 缺少必填项（应为文本） / is required (a string)",
      ]
    `);
  });

  it('year as a string', () => {
    expect(messages({ meta: { ...meta, year: '2020' }, sections: [] })).toMatchInlineSnapshot(`
      [
        "meta.year: 应为数字，实际为文本 / expected a number, received a string",
      ]
    `);
  });

  it('misspelt key of a section (headng): suggests the nearest key', () => {
    expect(messages(report([{ headng: '总体情况' }]))).toMatchInlineSnapshot(`
      [
        "sections[0].heading: 缺少必填项（应为文本） / is required (a string)",
        "sections[0]: 未知字段“headng”，是否应为“heading”？ / unknown key "headng" — did you mean "heading"?",
      ]
    `);
  });

  it('misspelt key of the report (attachements): suggests the nearest key', () => {
    expect(messages(report([], { attachements: [] }))).toMatchInlineSnapshot(`
      [
        "(root): 未知字段“attachements”，是否应为“attachments”？ / unknown key "attachements" — did you mean "attachments"?",
      ]
    `);
  });

  it('wrong number of values in a table row: names the row and the columns', () => {
    const table = {
      columns: ['申请人', { label: '法人或其他组织', children: ['商业企业', '科研机构'] }],
      rows: [{ label: '本年新收政府信息公开申请数量', values: [1, 2] }],
    };
    expect(messages(withTable(table))).toMatchInlineSnapshot(`
      [
        "sections[0].content[0].table.rows[0].values: 行“本年新收政府信息公开申请数量”有 2 个数值，应为 3 个（申请人、法人或其他组织 › 商业企业、法人或其他组织 › 科研机构） / row "本年新收政府信息公开申请数量" has 2 value(s) but the table has 3 data column(s): 申请人, 法人或其他组织 › 商业企业, 法人或其他组织 › 科研机构",
      ]
    `);
  });

  it('a row with both children and values', () => {
    const table = { columns: ['数量'], rows: [{ label: '办理结果', values: [1], children: [{ label: '予以公开', values: [1] }] }] };
    expect(messages(withTable(table))).toMatchInlineSnapshot(`
      [
        "sections[0].content[0].table.rows[0]: 行“办理结果”须有 children（下级行）或 values（数值）之一，且只能有其一 / row "办理结果" must have either children (sub-rows) or values, not both or neither",
      ]
    `);
  });

  it('sections nested deeper than maxSectionDepth', () => {
    const deep = { heading: '一', content: [{ heading: '二', content: [{ heading: '三', content: [{ heading: '四', content: [{ heading: '五' }] }] }] }] };
    expect(messages(report([deep]))).toMatchInlineSnapshot(`
      [
        "sections[0].content[0].content[0].content[0].content[0]: 超出限制 maxSectionDepth：章节最多 4 层 / exceeds the limit maxSectionDepth: at most 4 levels of sections",
      ]
    `);
  });

  it('bad date format', () => {
    expect(messages({ meta: { ...meta, date: '2021/1/15' }, sections: [] })).toMatchInlineSnapshot(`
      [
        "meta.date: 日期格式应为 YYYY-MM-DD，如 2021-01-15 / dates are written YYYY-MM-DD, e.g. 2021-01-15",
      ]
    `);
  });

  it('image without data or src', () => {
    expect(messages(withBlocks({ image: { caption: '图1' } }))).toMatchInlineSnapshot(`
      [
        "sections[0].content[0].image: 图片须给出 data（图片数据）或 src（路径/网址）之一 / an image needs exactly one of data (the bytes or base64) or src (a path or URL)",
      ]
    `);
  });

  it('NaN in a cell', () => {
    expect(messages(withTable({ columns: ['数量'], rows: [{ label: '本年新收', values: [Number.NaN] }] }))).toMatchInlineSnapshot(`
      [
        "sections[0].content[0].table.rows[0].values[0]: 应为数字，实际为NaN / expected a number, received NaN",
      ]
    `);
  });

  it('a non-object root: null, an array, a string', () => {
    expect([...messages(null), ...messages([]), ...messages('report.json')]).toMatchInlineSnapshot(`
      [
        "(root): 应为对象，实际为null / expected an object, received null",
        "(root): 应为对象，实际为数组 / expected an object, received an array",
        "(root): 应为对象，实际为文本 / expected an object, received a string",
      ]
    `);
  });

  it('rows mixing labelled and unlabelled', () => {
    expect(messages(withTable({ columns: ['数量'], rows: [{ label: '甲', values: [1] }, { values: [2] }] }))).toMatchInlineSnapshot(`
      [
        "sections[0].content[0].table.rows: 同一表中的行要么都有标签，要么都没有标签（没有标签时表格不设行标题列） / either every row of a table has a label or none has (a table without labels has no row-header column)",
      ]
    `);
  });

  it('unknown official form version', () => {
    expect(messages(report([], { form: '2020' }))).toMatchInlineSnapshot(`
      [
        "form: 取值无效，应为以下之一："2019", "2021" / invalid value; expected one of "2019", "2021"",
      ]
    `);
  });

  it('misspelt key inside a content block (headng): picks the section branch and suggests the key', () => {
    expect(messages(withBlocks({ headng: '主动公开情况', content: ['正文'] }))).toMatchInlineSnapshot(`
      [
        "sections[0].content[0].heading: 缺少必填项（应为文本） / is required (a string)",
        "sections[0].content[0]: 未知字段“headng”，是否应为“heading”？ / unknown key "headng" — did you mean "heading"?",
      ]
    `);
  });

  it('misspelt block keys (tabel, imag, txt) suggest the nearest key', () => {
    const lines = [
      ...messages(withBlocks({ tabel: { columns: ['数量'], rows: [{ values: [1] }] } })),
      ...messages(withBlocks({ imag: { src: 'seal.png' } })),
      ...messages(withBlocks({ lead: '一是', txt: '加强领导。' })),
    ];
    expect(lines).toMatchInlineSnapshot(`
      [
        "sections[0].content[0].table: 缺少必填项（应为对象） / is required (an object)",
        "sections[0].content[0]: 未知字段“tabel”，是否应为“table”？ / unknown key "tabel" — did you mean "table"?",
        "sections[0].content[0].image: 缺少必填项（应为对象） / is required (an object)",
        "sections[0].content[0]: 未知字段“imag”，是否应为“image”？ / unknown key "imag" — did you mean "image"?",
        "sections[0].content[0].text: 缺少必填项（应为文本） / is required (a string)",
        "sections[0].content[0]: 未知字段“txt”，是否应为“text”？ / unknown key "txt" — did you mean "text"?",
      ]
    `);
  });

  it('a subsection whose heading is a number', () => {
    expect(messages(withBlocks({ heading: 3 }))).toMatchInlineSnapshot(`
      [
        "sections[0].content[0].heading: 应为文本，实际为数字 / expected a string, received a number",
      ]
    `);
  });

  it('unknown form id in a form block lists the form ids', () => {
    expect(messages(withBlocks({ form: 'table9', data: {} }))).toMatchInlineSnapshot(`
      [
        "sections[0].content[0].form: 取值无效，应为以下之一："table2", "table3", "table4" / invalid value; expected one of "table2", "table3", "table4"",
      ]
    `);
  });
});

describe('messages that mislead (bugs: these fail until fixed)', () => {
  it('too many sections names the limit maxSections', () => {
    // Now: `sections: 超出上限：最多 2 项 / exceeds the limit of 2 items`.
    const limits = { ...DEFAULT_LIMITS, maxSections: 2 };
    const lines = messages(report([{ heading: '一' }, { heading: '二' }, { heading: '三' }]), limits);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('maxSections');
  });

  it('Infinity in a cell does not say "expected a number, received a number"', () => {
    const lines = messages(withTable({ columns: ['数量'], rows: [{ label: '本年新收', values: [Number.POSITIVE_INFINITY] }] }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('received a number');
    expect(lines[0]).not.toContain('实际为数字');
  });

  it('an image width of 0 does not say "must be at least 0"', () => {
    const lines = messages(withBlocks({ image: { src: 'seal.png', width: 0 } }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('at least 0');
  });

  it('image data of the wrong type says what data may be', () => {
    // Now: `…image.data: 取值无效 / invalid value` (the `instanceof Uint8Array` branch wins).
    const result = validateReport(withBlocks({ image: { data: 12345 } }));
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.message.en).not.toBe('invalid value');
    expect(result.issues[0]?.expected).toBeDefined();
  });

  it('a wrong row count in a table without row labels names the row by number, not as ""', () => {
    // Now: `row "" has 1 value(s) but the table has 2 data column(s): 甲, 乙` (表四-style tables).
    const lines = messages(withTable({ columns: ['甲', '乙'], rows: [{ values: [1] }] }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('""');
    expect(lines[0]).not.toContain('“”');
  });

  it('a year of 1e308 gets one issue, not also "exceeds the limit of 9007199254740991"', () => {
    const lines = messages({ meta: { ...meta, year: 1e308 }, sections: [] });
    expect(lines.join('\n')).not.toContain('9007199254740991');
    expect(lines).toHaveLength(1);
  });

  it('a form count of 1e21 does not say "exceeds the limit of 9007199254740991"', () => {
    const lines = messages(withBlocks({ form: 'table2', version: '2021', data: { documents: { rules: { issued: 1e21 } } } }));
    expect(lines.join('\n')).not.toContain('9007199254740991');
  });

  it('signature: true says false or an object, not only "expected one of false"', () => {
    const lines = messages(report([], { signature: true }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/expected one of false$/u);
  });

  it('a misspelt key of a section below the deepest level names the limit, not zod\'s "nonoptional"', () => {
    // Now: `…content[0].heading: 缺少必填项（应为nonoptional） / is required (nonoptional)`: the
    // too-deep branch (`tooDeep` in src/schema/content/content.ts, `z.object({ heading: z.unknown() })`)
    // requires `heading`, and zod's internal type name `nonoptional` has no entry in TYPE_NAMES.
    const deep = (leaf: unknown) => report([{ heading: '一', content: [{ heading: '二', content: [{ heading: '三', content: [{ heading: '四', content: [leaf] }] }] }] }]);
    const text = messages(deep({ headng: '五', content: [] })).join('\n');
    expect(text).not.toContain('nonoptional');
    expect(text).toContain('maxSectionDepth');
  });

  it('an object with a length where a list is expected gets one issue, not also "exceeds the limit"', () => {
    // From JSON: `"sections": {"length": 1000000000}` now gives "expected an array" AND
    // "exceeds the limit of 200" (zod runs length checks on anything with a `length`).
    const input = JSON.parse('{"meta":{"title":"t","issuer":"i","year":2020},"sections":{"length":1000000000}}') as unknown;
    expect(messages(input)).toEqual(['sections: 应为数组，实际为对象 / expected an array, received an object']);
  });

  it('an impossible calendar date (2021-02-30) is rejected', () => {
    // Now accepted; it would print as 2021年2月30日.
    expect(validateReport({ meta: { ...meta, date: '2021-02-30' }, sections: [] }).ok).toBe(false);
  });

  it('unknown keys are quoted so that odd keys stay readable', () => {
    // Now: `未知字段“a"b” / unknown key "a"b"` and raw control characters in the message.
    const lines = messages(JSON.parse('{"meta":{"title":"t","issuer":"i","year":2020},"sections":[],"a\\"b":1,"c\\u0000":2}'));
    expect(lines.join('\n')).not.toContain('\u0000');
    expect(lines.join('\n')).toContain('"a\\"b"');
  });
});
