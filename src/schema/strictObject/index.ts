export * from './strictObject.ts';
