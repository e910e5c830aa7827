export * from './readCarriedForward.ts';
