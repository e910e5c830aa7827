export * from './checkImage.ts';
