export * from './chineseNumber.ts';
