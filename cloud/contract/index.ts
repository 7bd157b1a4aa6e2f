export * from './errors';
export * from './envelope';
export * from './common';
export * from './catalog';
export * from './auth';
export * from './order';
export * from './task';
export * from './inbox';
export type * from './api';
