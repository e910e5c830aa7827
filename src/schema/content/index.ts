export * from './content.ts';
export * from './text.ts';
