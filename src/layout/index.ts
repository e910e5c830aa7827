export * from './layoutReport.ts';
export * from './measure/index.ts';
export * from './plan/index.ts';
export * from './frame/index.ts';
