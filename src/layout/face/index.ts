export * from './faceOf.ts';
