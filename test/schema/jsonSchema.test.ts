/**
 * The exported JSON Schema against the zod schema it is generated from: what each accepts, over
 * the fuzz corpus (valid reports and mutated ones, test/fuzz/arbitraries.ts), validated with ajv
 * (draft 2020-12). Every report ajv accepts and validation refuses must be refused only for a rule
 * listed in RULES_NOT_IN_JSON_SCHEMA; ajv must never refuse a report validation accepts.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { reportJsonSchema, validateReport, type ReportIssue } from '../../src/index.ts';
import { RULES_NOT_IN_JSON_SCHEMA } from '../../src/schema/jsonSchema/jsonSchema.ts';
import { CALENDAR_DATE } from '../../src/schema/report/report.ts';
import { materializeMutated, mutatedCaseArb, validReportArb } from '../fuzz/arbitraries.ts';

const schema = reportJsonSchema();
// strictRequired off: `required` inside if / oneOf / items names properties the parent object
// defines, which is valid JSON Schema; ajv's strictRequired is a lint about that style only.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: false });
const ajvValidate = ajv.compile(schema);

/** A ReportIssue that comes from one of the rules JSON Schema cannot express. */
function isInexpressible(issue: ReportIssue): boolean {
  if (issue.code === 'row_value_count') return true;
  return issue.code === 'limit' && /\b(maxTableColumns|maxTableRows)\b/u.test(issue.message.en);
}

/** JSON data only: what a service in another language would send. */
function asJson(value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

const meta = { title: '报告', issuer: '机关', year: 2021 };
const withParagraph = (paragraph: unknown) => ({ meta, sections: [{ heading: '一', content: [paragraph] }] });
const withTable = (table: unknown) => ({ meta, sections: [{ heading: '一', content: [{ table }] }] });

describe('exported JSON Schema', () => {
  test('names its definitions by meaning, never __schemaN', () => {
    const names = Object.keys(schema.$defs as Record<string, unknown>);
    expect(names.filter((name) => name.startsWith('__'))).toStrictEqual([]);
    expect(names).toEqual(expect.arrayContaining(['Report', 'ReportMeta', 'Section', 'Paragraph', 'TableBlock', 'SingleBandTable', 'BandedTable', 'TableBand', 'Row', 'ColumnHeader', 'Image', 'Attachment', 'FormBlock', 'Table2Data', 'Table3Data', 'Table4Data']));
  });

  test('lists the rules it cannot express in its description', () => {
    for (const rule of RULES_NOT_IN_JSON_SCHEMA) expect(schema.description).toContain(rule);
  });

  test.each([
    ['a date that does not exist', { meta: { ...meta, date: '2021-02-30' }, sections: [] }],
    ['29 February of a year that is not a leap year', { meta: { ...meta, date: '2100-02-29' }, sections: [] }],
    ['an empty paragraph', withParagraph('')],
    ['a title of spaces', { meta: { ...meta, title: '   ' }, sections: [] }],
    ['a heading of white space and line feeds', { meta, sections: [{ heading: ' \n\t　' }] }],
    ['money that is not a decimal string', { meta, sections: [{ heading: '一', content: [{ form: 'table2', data: { fees: { administrativeFees: { amount: '12,5' } } } }] }] }],
    ['an image with both data and src', withParagraph({ image: { data: 'iVBORw0KGgo=', src: 'a.png' } })],
    ['a row with both children and values', withTable({ columns: ['a'], rows: [{ label: 'r', values: [1], children: [{ label: 's', values: [1] }] }] })],
    ['rows of which only some have a label', withTable({ columns: ['a'], rows: [{ label: 'r', values: [1] }, { values: [2] }] })],
    ['a corner cell over rows without labels', withTable({ corner: '内容', columns: ['a'], rows: [{ values: [1] }] })],
    ['an unknown layout name', { meta, layout: 'gbt9705', sections: [] }],
  ])('should refuse %s, as validation does', (_name, report) => {
    expect(validateReport(report).ok).toBe(false);
    expect(ajvValidate(report)).toBe(false);
  });

  test('should accept a row with more values than columns, which only validation refuses (row_value_count, listed)', () => {
    const report = withTable({ columns: ['a', 'b'], rows: [{ label: 'r', values: [1, 2, 3] }] });
    expect(ajvValidate(report)).toBe(true);
    const result = validateReport(report);
    expect(result.issues.map((issue) => issue.code)).toStrictEqual(['row_value_count']);
  });

  test('should agree with validation on the fuzz corpus, except for the listed rules', () => {
    const corpus = [
      ...fc.sample(validReportArb(), { numRuns: 300, seed: 20_260_501 }),
      ...fc.sample(mutatedCaseArb(), { numRuns: 1_500, seed: 20_260_502 }).map(materializeMutated),
    ]
      .map(asJson)
      .filter((report) => report !== undefined);
    const tally = { reports: corpus.length, bothAccept: 0, bothRefuse: 0, onlyValidationRefuses: 0, onlyAjvRefuses: 0 };
    const unexplained: string[] = [];
    for (const report of corpus) {
      const byAjv = ajvValidate(report);
      const byZod = validateReport(report);
      if (byAjv && byZod.ok) tally.bothAccept += 1;
      else if (!byAjv && !byZod.ok) tally.bothRefuse += 1;
      else if (byAjv) {
        tally.onlyValidationRefuses += 1;
        const other = byZod.issues.filter((issue) => !isInexpressible(issue));
        if (other.length > 0) unexplained.push(`ajv accepts, validation refuses: ${other.map((i) => `${i.pathText} ${i.code}`).join('; ')}`);
      } else {
        tally.onlyAjvRefuses += 1;
        unexplained.push(`ajv refuses a valid report: ${ajv.errorsText(ajvValidate.errors)}`);
      }
    }
    const agreeing = tally.bothAccept + tally.bothRefuse;
    console.info(
      `[json-schema] ${tally.reports} reports: ajv and validation agree on ${agreeing} (${((100 * agreeing) / tally.reports).toFixed(1)}%; ` +
        `both accept ${tally.bothAccept}, both refuse ${tally.bothRefuse}); only validation refuses ${tally.onlyValidationRefuses} ` +
        `(listed rules), only ajv refuses ${tally.onlyAjvRefuses}`,
    );
    expect(unexplained.slice(0, 5)).toStrictEqual([]);
    expect(tally.bothAccept).toBeGreaterThan(100);
    expect(tally.bothRefuse).toBeGreaterThan(100);
  });
});

describe('CALENDAR_DATE', () => {
  test('should accept exactly the days of the Gregorian calendar (years 1–2400, and 0)', () => {
    const wrong: string[] = [];
    for (let year = 0; year <= 2400; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        for (let day = 28; day <= 31; day += 1) {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const date = new Date(Date.UTC(2000, month - 1, day));
          date.setUTCFullYear(year, month - 1, day);
          const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          if (CALENDAR_DATE.test(text) !== exists) wrong.push(text);
        }
      }
    }
    expect(wrong).toStrictEqual([]);
  });
});
