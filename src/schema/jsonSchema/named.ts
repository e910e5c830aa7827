import type * as z from 'zod';

/**
 * Names a schema for the exported JSON Schema: it becomes `$defs/<name>` and is referenced from
 * every place it is used, instead of a generated `__schema0`. The name is zod metadata (`id`), so
 * validation is unchanged. Each name must be given to one schema instance per report schema
 * (zod refuses two schemas with one id in a conversion).
 *
 * @param name The definition's name (PascalCase: `Section`, `Table3Data`).
 * @param schema The schema.
 * @returns A copy of the schema carrying the name.
 */
export function named<Schema extends z.ZodType>(name: string, schema: Schema): Schema {
  return schema.meta({ id: name }) as Schema;
}
