export * from './table2Data.ts';
