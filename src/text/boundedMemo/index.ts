export * from './boundedMemo.ts';
