export * from './table3Data.ts';
