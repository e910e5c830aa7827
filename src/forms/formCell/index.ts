export * from './formCell.ts';
