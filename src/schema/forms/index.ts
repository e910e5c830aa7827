export * from './forms.ts';
export * from './formLabels/index.ts';
export * from './formValues/index.ts';
export * from './table2Data/index.ts';
export * from './table3Data/index.ts';
export * from './table4Data/index.ts';
