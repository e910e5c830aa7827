export * from './cleanText.ts';
