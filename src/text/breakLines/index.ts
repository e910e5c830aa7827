export * from './breakLines.ts';
export * from './breakOpportunities.ts';
