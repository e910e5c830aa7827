export * from './paginate.ts';
export * from './pagination.ts';
export * from './breakRules.ts';
export * from './scorePagination.ts';
export * from './paginateByCost.ts';
