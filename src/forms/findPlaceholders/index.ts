export * from './findPlaceholders.ts';
