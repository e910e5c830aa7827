export * from './resolveFormVersion.ts';
