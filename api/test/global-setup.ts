import './register-paths';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@advocacy/migrations';

/** Each run gets its own database and Redis prefix, so runs never collide. */
export default async function globalSetup(): Promise<void> {
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(
    process.env['TEST_DATABASE_URL'] ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const admin = new Client({ connectionString: base.toString() });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${base.host} (${(error as Error).message}). Run the tests with "npm test", ` +
        'which starts a local server, or start one: pg_ctlcluster 15 main start.',
    );
  }
  const name = `advocacy_test_${id}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  base.pathname = `/${name}`;
  process.env['DATABASE_URL'] = base.toString();
  process.env['REDIS_PREFIX'] = `test_${id}`;
  process.env['LOG_LEVEL'] = process.env['LOG_LEVEL'] ?? 'silent';
  process.env['WEB_DIST'] = '';
  process.env['RUN_WORKERS'] = 'false';
  const db = new DataSource(dataSourceOptions(process.env['DATABASE_URL']));
  await db.initialize();
  await db.runMigrations();
  await db.destroy();
}
