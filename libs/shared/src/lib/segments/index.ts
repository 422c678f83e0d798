export * from './segment-categories';
export * from './segment-rules';
export * from './segment-rules-check';
