export * from './createFormSkeleton.ts';
