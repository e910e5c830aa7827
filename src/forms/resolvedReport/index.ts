export * from './resolvedReport.ts';
