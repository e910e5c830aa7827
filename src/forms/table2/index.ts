export * from './table2.ts';
