import * as z from 'zod';
import { reportSchema } from '../report/report.ts';

/**
 * The report model as JSON Schema (draft 2020-12), for services in other languages that want to
 * validate before calling. Byte strings (API-only) appear as base64 text.
 *
 * @returns A JSON Schema object.
 */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(reportSchema, {
    io: 'input',
    reused: 'ref',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def as { type?: string };
      if (def.type === 'custom') Object.assign(ctx.jsonSchema, { type: 'string', contentEncoding: 'base64' });
    },
  });
  return { ...schema, title: 'gov-report-pdf report', $id: 'https://www.npmjs.com/package/gov-report-pdf/report.schema.json' };
}
