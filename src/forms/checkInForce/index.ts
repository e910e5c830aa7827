export * from './checkInForce.ts';
