export * from './checkFormKeys.ts';
