export * from './errors';
export * from './envelope';
export * from './common';
export * from './catalog';
export * from './auth';
export type * from './api';
