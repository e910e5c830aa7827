import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import { DEFAULT_LIMITS } from '../../schema/limits/limits.ts';
import { createTable2DataSchema } from '../../schema/forms/table2Data/table2Data.ts';
import { createTable3DataSchema } from '../../schema/forms/table3Data/table3Data.ts';
import { createTable4DataSchema } from '../../schema/forms/table4Data/table4Data.ts';
import { listFormCells } from '../formTemplate/formTemplate.ts';
import { FORM_TEMPLATES } from './formTemplates.ts';

/** Every path from the schema's root to a value that is not an object of keys. */
function schemaPaths(schema: z.ZodType, path: readonly string[] = []): string[] {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (!(inner instanceof z.ZodObject)) return [path.join('.')];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) => schemaPaths(child, [...path, key]));
}

describe('FORM_TEMPLATES', () => {
  test('the schema accepts exactly the keys of the two versions together', () => {
    const schemas = { table2: createTable2DataSchema, table3: createTable3DataSchema, table4: createTable4DataSchema };
    for (const id of ['table2', 'table3', 'table4'] as const) {
      const fromTemplates = new Set(['2019', '2021'].flatMap((v) => listFormCells(FORM_TEMPLATES[id][v as '2019']).map((c) => c.path.join('.'))));
      expect(new Set(schemaPaths(schemas[id](DEFAULT_LIMITS))), id).toStrictEqual(fromTemplates);
    }
  });

  test('each template knows its id and version', () => {
    for (const [id, versions] of Object.entries(FORM_TEMPLATES)) {
      for (const [version, template] of Object.entries(versions)) expect([template.id, template.version]).toStrictEqual([id, version]);
    }
  });
});
