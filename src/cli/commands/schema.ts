import { defineCommand } from '../defineCommand.ts';
import { EXIT_CODES } from '../errors.ts';

/** `schema`: prints the report's JSON Schema, for editors and services in other languages. */
export const schema = defineCommand({
  name: 'schema',
  description: { zh: '输出报告的 JSON Schema', en: "print the report's JSON Schema" },
  args: {},
  examples: ['schema > report.schema.json'],
  async run({ io, api }) {
    io.stdout(JSON.stringify((await api()).reportJsonSchema(), null, 2));
    return EXIT_CODES.ok;
  },
});
