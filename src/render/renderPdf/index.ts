export * from './renderPdf.ts';
