export * from './types';
export * from './values';
