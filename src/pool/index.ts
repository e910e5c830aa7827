export * from './createRenderPool.ts';
