export * from './sizeTable.ts';
