export * from './issue.ts';
export * from './formatPath.ts';
export * from './createIssue.ts';
