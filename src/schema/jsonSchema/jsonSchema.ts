import * as z from 'zod';
import { reportSchema } from '../report/report.ts';

/**
 * The rules validation checks that JSON Schema cannot express. Everything else zod checks is in
 * the exported schema (types, required and unknown keys, lengths, limits, non-blank text, dates
 * that exist, money strings, image data or src, row children or values, row labels all or none,
 * a corner cell only over labelled rows). A report the JSON Schema accepts can still be refused by
 * `validateReport` for one of these, never for another reason (test/schema/jsonSchema.test.ts).
 */
export const RULES_NOT_IN_JSON_SCHEMA = [
  'row_value_count: a leaf row has exactly one value per data column (the leaves of the column header tree)',
  'maxTableColumns: the leaf columns of a table (counted over the whole header tree) are at most the limit',
  'maxTableRows: the leaf rows of a table (counted over all bands and sub-rows) are at most the limit',
] as const;

/**
 * The report model as JSON Schema (draft 2020-12), for services in other languages that want to
 * validate before calling; the package ships it as `gov-report-pdf/schema.json`. Definitions are
 * named (`Report`, `Section`, `Table2Data`…). Bytes (API-only image data) have no JSON form: in
 * JSON, image data is base64 text.
 *
 * @returns A JSON Schema object.
 */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(reportSchema, {
    target: 'draft-2020-12',
    io: 'input',
    reused: 'inline',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def as { type?: string };
      // Custom schemas are bytes (Uint8Array, which JSON cannot carry) or always-failing markers
      // (a section or header one level too deep): neither matches any JSON value.
      if (def.type === 'custom') {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
        Object.assign(ctx.jsonSchema, { not: {} });
      }
    },
  });
  return {
    ...schema,
    $id: 'https://www.npmjs.com/package/gov-report-pdf/schema.json',
    title: 'gov-report-pdf report',
    description:
      'A report for gov-report-pdf (政府信息公开工作年度报告), with the default limits. ' +
      'Validation (validateReport) also checks these rules, which JSON Schema cannot express: ' +
      RULES_NOT_IN_JSON_SCHEMA.join('; ') +
      '.',
  };
}
