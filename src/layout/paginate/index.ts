export * from './paginate.ts';
export * from './pagination.ts';
export * from './breakRules.ts';
