export * from './table4Data.ts';
