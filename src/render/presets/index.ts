export * from './resolvePreset.ts';
