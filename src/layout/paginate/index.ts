export * from './paginate.ts';
