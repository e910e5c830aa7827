export * from './buildTableGrid.ts';
