export * from './limits.ts';
export * from './resolveLimits.ts';
