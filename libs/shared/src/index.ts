export * from './lib/contracts';
export * from './lib/nps';
export * from './lib/segments';
export * from './lib/rewards';
export * from './lib/outreach';
export * from './lib/ambassadors';
