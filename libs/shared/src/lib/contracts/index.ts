export * from './api-paths';
export * from './audit';
export * from './auth';
export * from './errors';
export * from './pagination';
export * from './roles';
export * from './api-keys';
