export * from './checkCarriedOver.ts';
