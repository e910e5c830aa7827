export * from './layoutReport.ts';
export * from '../text/measure/index.ts';
export * from './plan/index.ts';
export * from './frame/index.ts';
