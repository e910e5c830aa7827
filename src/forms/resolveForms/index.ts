export * from './resolveForms.ts';
