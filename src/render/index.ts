export * from './fonts/index.ts';
export * from './toDocDefinition/index.ts';
export * from './renderPdf/index.ts';
export * from './presets/index.ts';
