export * from './pageFrame.ts';
