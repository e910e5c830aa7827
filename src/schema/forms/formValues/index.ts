export * from './formValues.ts';
