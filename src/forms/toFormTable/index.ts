export * from './toFormTable.ts';
