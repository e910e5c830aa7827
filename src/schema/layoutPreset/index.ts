export * from './layoutPreset.ts';
