export * from './outreach-rules';
export * from './template';
