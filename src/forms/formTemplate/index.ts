export * from './formTemplate.ts';
