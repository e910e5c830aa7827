export * from './formLabels.ts';
