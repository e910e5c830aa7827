export * from './table3.ts';
