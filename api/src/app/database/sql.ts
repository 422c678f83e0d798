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
