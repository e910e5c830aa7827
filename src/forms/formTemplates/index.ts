export * from './formTemplates.ts';
