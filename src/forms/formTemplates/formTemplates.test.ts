import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import { DEFAULT_LIMITS } from '../../schema/limits/limits.ts';
import { createTable2DataSchema } from '../../schema/forms/table2Data/table2Data.ts';
import { createTable3DataSchema } from '../../schema/forms/table3Data/table3Data.ts';
import { createTable4DataSchema } from '../../schema/forms/table4Data/table4Data.ts';
import { TABLE2_LABELS, TABLE3_LABELS, TABLE4_LABELS } from '../../schema/forms/formLabels/formLabels.ts';
import { listFormCells } from '../formTemplate/formTemplate.ts';
import type { FormColumnTemplate, FormRowTemplate } from '../formTemplate/formTemplate.ts';
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

  test('templates and schema descriptions print from one label table per form', () => {
    const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(strings) : []);
    const printed = (id: 'table2' | 'table3' | 'table4') =>
      new Set(['2019', '2021'].flatMap((v) => {
        const template = FORM_TEMPLATES[id][v as '2019'];
        const columns = (nodes: readonly FormColumnTemplate[]): string[] => nodes.flatMap((n) => [n.label, ...columns(n.children ?? [])]);
        const rows = (nodes: readonly FormRowTemplate[]): string[] => nodes.flatMap((n) => [n.label ?? '', ...rows(n.children ?? [])]);
        return template.bands.flatMap((b) => [b.title ?? '', b.corner ?? '', ...columns(b.columns), ...rows(b.rows)]).filter((l) => l !== '');
      }));
    const described = (schema: z.ZodType) => JSON.stringify(z.toJSONSchema(schema, { io: 'input' }));
    const schemas = { table2: createTable2DataSchema, table3: createTable3DataSchema, table4: createTable4DataSchema };
    for (const [id, labels] of [['table2', TABLE2_LABELS], ['table3', TABLE3_LABELS], ['table4', TABLE4_LABELS]] as const) {
      const all = strings(labels);
      // Every printed label comes from the table, and the table holds nothing the template does not print.
      expect([...printed(id)].filter((l) => !all.includes(l)), id).toEqual([]);
      expect(all.filter((l) => !printed(id).has(l)), id).toEqual([]);
      // The schema describes the keys with the same words (corners and the 申请人情况 header name no key).
      const keyless: string[] = [TABLE2_LABELS.corner, TABLE3_LABELS.corner, TABLE3_LABELS.columnGroups.applicants];
      const text = described(schemas[id](DEFAULT_LIMITS));
      expect(all.filter((l) => !keyless.includes(l) && !text.includes(l)), id).toEqual([]);
    }
  });
});
