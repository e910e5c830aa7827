export * from './paintPages.ts';
