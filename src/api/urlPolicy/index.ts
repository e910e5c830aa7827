export * from './urlPolicy.ts';
