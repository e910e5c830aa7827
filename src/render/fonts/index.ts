export * from './fontRegistry.ts';
export * from './pdfmakeRuntime.ts';
