export * from './paintTableSegment.ts';
