export * from './validateReport.ts';
