export * from './_sumParts.ts';
