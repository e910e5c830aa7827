export * from './addFolios.ts';
