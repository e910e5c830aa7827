export * from './toReportIssues.ts';
export * from './nearestKey.ts';
