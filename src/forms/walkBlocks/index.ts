export * from './walkBlocks.ts';
