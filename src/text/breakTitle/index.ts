export * from './breakTitle.ts';
