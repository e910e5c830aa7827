export * from './splitAnnotation.ts';
