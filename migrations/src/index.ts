export * from './data-source-options';
export * from './migrations';
export * from './snake-naming.strategy';
