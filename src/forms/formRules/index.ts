export * from './formRules.ts';
