import { MigrationInterface } from 'typeorm';
import { Foundation1795474055796 } from './1795474055796-Foundation';

/** Listed by hand because the bundled API cannot glob for migration files. */
export const migrations: (new () => MigrationInterface)[] = [
  Foundation1795474055796,
];
