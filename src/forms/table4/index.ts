export * from './table4.ts';
