export * from './eligibility';
export * from './form-fields';
