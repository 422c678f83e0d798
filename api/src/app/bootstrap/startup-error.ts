import { ConfigError } from '../config/app-config';

/** One line a person can act on, instead of a stack trace, for the failures people can fix. */
export function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED' && /5432/.test(message)) {
    return 'Cannot reach PostgreSQL. Start it (pg_ctlcluster 15 main start, or docker compose up -d) or set DATABASE_URL.';
  }
  if (code === 'ECONNREFUSED' && /6379/.test(message)) {
    return 'Cannot reach Redis. Start it (redis-server --daemonize yes, or docker compose up -d) or set REDIS_URL.';
  }
  if (code === '3D000')
    return `The database does not exist: ${message}. Run npm start, which creates it.`;
  if (code === 'EADDRINUSE')
    return `The port is taken: ${message}. Set PORT to a free port.`;
  return error instanceof Error ? (error.stack ?? message) : message;
}
