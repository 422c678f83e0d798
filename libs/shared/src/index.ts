export * from './lib/contracts';
export * from './lib/nps';
