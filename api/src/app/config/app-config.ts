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

  /** Where UGC files are kept: `local` (a folder on disk) or `s3` (any S3-compatible store). */
  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  /** Folder of UGC files when STORAGE_DRIVER is local. */
  @IsString()
  @MinLength(1)
  STORAGE_DIR = './data/uploads';

  /** S3 endpoint (e.g. MinIO's URL); empty for AWS itself. */
  @IsOptional()
  @IsString()
  S3_ENDPOINT = '';

  /** S3 region. */
  @IsString()
  S3_REGION = 'us-east-1';

  /** S3 bucket of UGC files; required when STORAGE_DRIVER is s3. */
  @ValidateIf((config: AppConfig) => config.STORAGE_DRIVER === 's3')
  @MinLength(1, { message: 'S3_BUCKET is required when STORAGE_DRIVER=s3' })
  S3_BUCKET = '';

  /** S3 access key id; empty uses the SDK's default credential chain. */
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID = '';

  /** S3 secret access key. */
  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY = '';

  /** Largest accepted UGC image in bytes (larger uploads get 413). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1024)
  UGC_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

  /** Submissions one address may send through public testimonial links per hour. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  UGC_LINK_RATE_LIMIT = 10;

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

  /** Let webhook endpoints point at loopback or private addresses (local receivers in development). Always refused in production. */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOKS_ALLOW_PRIVATE_TARGETS = false;

  /** Seconds one webhook delivery attempt may take before it counts as failed. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(60)
  WEBHOOKS_TIMEOUT_SECONDS = 10;

  /** Attempts per webhook delivery before it is marked failed (replay sends it again). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(20)
  WEBHOOKS_MAX_ATTEMPTS = 8;

  /** First retry delay of a failed webhook delivery in milliseconds; each retry waits twice as long. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOKS_RETRY_BASE_MS = 30_000;

  /** Hours a follow-up case has before it is overdue. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(720)
  CASES_DUE_HOURS = 48;

  /** Only responses this recent open follow-up cases (older history, e.g. a first import, does not). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(3650)
  CASES_LOOKBACK_DAYS = 30;
  /** Outgoing mail server as a URL (smtp://user:pass@host:587, smtps:// for TLS); overrides SMTP_HOST and friends. */
  @ValidateIf((config: AppConfig) => config.SMTP_URL !== '')
  @Matches(/^smtps?:\/\/[^\s]+$/, {
    message: 'SMTP_URL must be an smtp:// or smtps:// URL',
  })
  SMTP_URL = '';

  /** Outgoing mail server host, used when SMTP_URL is empty. */
  @IsString()
  SMTP_HOST = '127.0.0.1';

  /** Outgoing mail server port (587 submission, 465 implicit TLS, 25 relay). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 1025;

  /** Use implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  @Transform(toBoolean)
  @IsBoolean()
  SMTP_SECURE = false;

  /** Mail server user name; empty for no authentication. */
  @IsString()
  SMTP_USER = '';

  /** Mail server password. */
  @IsString()
  SMTP_PASS = '';

  /** Sender of outreach email, e.g. `"Acme" <hello@acme.example>`. */
  @Matches(/^(?:"?[^"<>]*"?\s*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'MAIL_FROM must be an address or "Name" <address>',
  })
  MAIL_FROM = '"Advocacy programme" <outreach@localhost.test>';

  /** Most outreach messages one person gets per period (see OUTREACH_PERIOD_DAYS). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100)
  OUTREACH_MAX_PER_PERIOD = 2;

  /** Length of the outreach throttle period in days. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(365)
  OUTREACH_PERIOD_DAYS = 7;

  /** Messages an outreach worker sends per batch before refreshing the send's counts. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1000)
  OUTREACH_BATCH_SIZE = 50;
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

  /** Private webhook targets are refused in production whatever the flag says. */
  get webhooksAllowPrivateTargets(): boolean {
    return this.WEBHOOKS_ALLOW_PRIVATE_TARGETS && !this.isProduction;
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
