export * from './resolveColumnWidths.ts';
