export * from './checkFormRules.ts';
