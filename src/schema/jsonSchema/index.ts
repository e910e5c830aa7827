export * from './jsonSchema.ts';
