import { QueryFailedError } from 'typeorm';

/** True when the error is PostgreSQL's unique violation on the named constraint (a lost race). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; constraint?: string };
  return driver.code === '23505' && driver.constraint === constraint;
}
