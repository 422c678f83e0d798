import { DataSource } from 'typeorm';
import { dataSourceOptions } from './src/data-source-options';

/** Used by the TypeORM CLI only; the API builds its own DataSource from the same options. */
export default new DataSource({
  ...dataSourceOptions(
    process.env['DATABASE_URL'] ??
      'postgres://postgres@127.0.0.1:5432/advocacy',
  ),
  entities: ['api/src/app/**/entities/*.entity.ts'],
  migrations: ['migrations/src/[0-9]*.ts'],
});
