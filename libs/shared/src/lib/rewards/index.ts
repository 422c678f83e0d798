export * from './budget-periods';
export * from './reward-status';
export * from './tier-rules';
