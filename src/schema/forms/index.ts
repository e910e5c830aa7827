export * from './forms.ts';
