import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs UPDATE/DELETE ... RETURNING and gives back the rows: TypeORM answers those
 * commands with `[rows, rowCount]` instead of the rows alone.
 */
export async function queryReturning<T>(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await db.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}

/** Statement names by text: a connection prepares each text once under its name. */
const statementNames = new Map<string, string>();

/**
 * Runs a statement as a named prepared statement straight on the pool: each connection parses and
 * plans it once, then only binds and executes. For hot, round-trip-bound statements whose planning
 * costs about as much as running them. Errors are the driver's own (not QueryFailedError).
 */
export async function queryPrepared<T extends object>(
  db: DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  let name = statementNames.get(text);
  if (!name) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  const pool = (db.driver as PostgresDriver).master as Pool;
  return (await pool.query<T>({ name, text, values })).rows;
}
