export * from './describeDocument.ts';
