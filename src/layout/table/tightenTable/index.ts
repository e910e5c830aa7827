export * from './tightenTable.ts';
