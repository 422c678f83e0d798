export * from './lib/shared';
