import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const DEV_JWT_SECRET = 'dev-only-secret-change-me-in-production-0123456789';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : value === true || value === 'true' || value === '1';

/**
 * Every environment variable the API reads, with its default and meaning.
 * The README's configuration table is written from these descriptions.
 */
export class AppConfig {
  /** development | production | test. Production refuses development defaults. */
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** HTTP port for the API and the portal. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Interface to listen on. */
  @IsString()
  HOST = '0.0.0.0';

  /** PostgreSQL connection string. */
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// URL',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/advocacy';

  /** Redis connection string (queues, rate limits, click buffer). */
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key, so several deployments or test runs share one Redis. */
  @Matches(/^[a-zA-Z0-9:_-]{1,64}$/, {
    message: 'REDIS_PREFIX must be 1-64 letters, digits, : _ or -',
  })
  REDIS_PREFIX = 'advocacy';

  /** Secret that signs access tokens; at least 32 characters. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = DEV_JWT_SECRET;

  /** Lifetime of an access token in seconds. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(30)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Lifetime of a refresh token family in days. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Run queue workers inside the API process (set false when workers run alone). */
  @Transform(toBoolean)
  @IsBoolean()
  RUN_WORKERS = true;

  /** Failed sign-ins allowed per email in one window. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /** Sign-in attempts allowed per client address in one window (offices share addresses). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  LOGIN_IP_RATE_LIMIT = 60;

  /** Length of the sign-in rate-limit window in seconds. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS = 60;

  /** Largest accepted JSON body in bytes (larger bodies get 413). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;

  /** Largest accepted CSV upload in bytes (larger uploads get 413). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1024)
  IMPORT_MAX_BYTES = 50 * 1024 * 1024;

  /** Folder where uploaded import files wait for the worker (shared with workers on the same host or volume). */
  @IsString()
  @MinLength(1)
  UPLOAD_DIR = '.data/uploads';

  /** Public base URL of the portal, used in links sent to people. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL = 'http://localhost:3000';

  /** Folder of the built portal that the API serves; empty to serve no portal. */
  @IsOptional()
  @IsString()
  WEB_DIST = 'dist/web/browser';

  /** Test-only: milliseconds a reward fulfilment waits mid-transaction, so a test can kill the worker there. Keep 0. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(120_000)
  REWARDS_FULFIL_TEST_DELAY_MS = 0;

  /** Standard Webhooks secret (`whsec_<base64>`) that signs brand events sent to POST /api/v1/events; empty accepts API keys only. */
  @ValidateIf((config: AppConfig) => config.EVENTS_WEBHOOK_SECRET !== '')
  @Matches(/^whsec_[A-Za-z0-9+/]+={0,2}$/, {
    message: 'EVENTS_WEBHOOK_SECRET must look like whsec_<base64>',
  })
  EVENTS_WEBHOOK_SECRET = '';

  /** Public ambassador applications (and funnel events ×20) allowed per client address per hour. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  AMBASSADOR_PUBLIC_APPLY_LIMIT = 10;

  /** Log level: fatal, error, warn, info, debug, trace or silent. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

export class ConfigError extends Error {}

/** Builds the config from an environment, or throws one message naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const picked: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const config = plainToInstance(AppConfig, picked, {
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: true });
  const problems = errors.map(
    (error) =>
      `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`,
  );
  if (config.isProduction && config.JWT_SECRET === DEV_JWT_SECRET) {
    problems.push('JWT_SECRET: must be set in production');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}
