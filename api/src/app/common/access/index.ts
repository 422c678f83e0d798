export * from './access.decorator';
export * from './access.guard';
export * from './api-key-verifier';
export * from './auth-user';
export * from './route-inventory';
export * from './request-context';
