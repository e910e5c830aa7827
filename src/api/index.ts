export * from './createRenderer.ts';
export * from './options.ts';
