// Build step: writes the report's JSON Schema (draft 2020-12) to dist/report.schema.json, the file
// the package exports as `gov-report-pdf/schema.json`. Generated from the zod schema, never by hand.
import { writeFileSync } from 'node:fs';
import { reportJsonSchema } from '../dist/index.js';

const target = new URL('../dist/report.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
