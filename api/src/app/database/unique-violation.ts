import { QueryFailedError } from 'typeorm';

/** True when the error is PostgreSQL's unique violation on the named constraint (a lost race). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  // TypeORM wraps the driver's error; queries run on the driver directly throw it bare.
  const driver = (
    error instanceof QueryFailedError ? error.driverError : error
  ) as { code?: string; constraint?: string } | null;
  return driver?.code === '23505' && driver.constraint === constraint;
}
