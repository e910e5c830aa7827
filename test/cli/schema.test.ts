import { expect, test } from 'vitest';
import { runCli } from '../../src/cli/runCli.ts';
import { reportJsonSchema } from '../../src/schema/jsonSchema/jsonSchema.ts';
import { createFakeApi, createFakeIo } from './_fakes.ts';

test('prints the schema as pretty JSON (2 spaces), exit 0', async () => {
  const io = createFakeIo();
  expect(await runCli(['schema'], io, createFakeApi())).toBe(0);
  expect(io.out).toEqual(['{\n  "type": "object",\n  "title": "fake"\n}']);
});

test('with the real library it prints reportJsonSchema()', async () => {
  const io = createFakeIo();
  expect(await runCli(['schema'], io)).toBe(0);
  expect(JSON.parse(io.out.join('\n'))).toEqual(reportJsonSchema());
});

test('takes no arguments', async () => {
  const io = createFakeIo();
  expect(await runCli(['schema', 'extra'], io, createFakeApi())).toBe(2);
  expect(io.err.join('\n')).toContain('E_UNEXPECTED_ARGUMENT');
});
