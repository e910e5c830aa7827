export * from './officialSections.ts';
