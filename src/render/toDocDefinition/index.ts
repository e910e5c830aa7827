export * from './toDocDefinition.ts';
