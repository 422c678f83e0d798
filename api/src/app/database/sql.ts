import { createHash } from 'node:crypto';
import { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

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

/**
 * Runs a statement as a named prepared statement on one pooled connection: the connection parses
 * and plans it once, then only binds and executes. For hot, round-trip-bound statements whose
 * planning costs about as much as running them. Errors are the driver's own (not QueryFailedError).
 */
export async function queryPrepared<T extends object>(
  db: DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = db.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    const name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    const result = await client.query<T>({ name, text, values });
    return result.rows;
  } finally {
    await runner.release();
  }
}
