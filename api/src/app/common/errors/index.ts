export * from './all-exceptions.filter';
export * from './domain-error';
export * from './error-body';
export * from './validation';
