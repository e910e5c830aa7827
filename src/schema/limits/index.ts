export * from './limits.ts';
export * from './resolveLimits.ts';
export * from './workBudget.ts';
