export * from './resolveFormBlock.ts';
