// Shared steps of `npm start` and `npm test`: install, find services, create databases.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const DEFAULT_DATABASE_URL =
  'postgres://postgres@127.0.0.1:5432/advocacy';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export class StepError extends Error {}

export function log(message) {
  process.stdout.write(`\u001b[36m▸\u001b[0m ${message}\n`);
}

/** Runs a command with inherited output; throws StepError naming it when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    ...options,
  });
  if (result.status !== 0) {
    throw new StepError(
      `${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`,
    );
  }
}

export function runAsync(command, args, options = {}) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      ...options,
    });
    child.on('exit', (code, signal) =>
      code === 0
        ? done()
        : fail(
            new StepError(
              `${[command, ...args].join(' ')} failed (exit ${code ?? signal})`,
            ),
          ),
    );
  });
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = resolve(ROOT, 'node_modules/.package-lock.json');
  const lock = resolve(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs)
    return;
  log('Installing dependencies (npm install)…');
  // `npm ci` fails with this registry's partial mirror of optional platform binaries.
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
}

export const nxEnv = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '',
};

function reachable(host, port, timeoutMs = 1000) {
  return new Promise((done) => {
    const socket = createConnection({ host, port });
    const finish = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

async function waitFor(host, port, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await reachable(host, port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const has = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' })
    .status === 0;
const isLocal = (host) => ['127.0.0.1', 'localhost', '::1'].includes(host);

function tryStartPostgres() {
  if (has('pg_lsclusters') && has('pg_ctlcluster')) {
    const clusters = spawnSync('pg_lsclusters', ['--no-header'], {
      encoding: 'utf8',
    })
      .stdout.trim()
      .split('\n');
    for (const line of clusters.filter(Boolean)) {
      const [version, name] = line.split(/\s+/);
      log(`Starting PostgreSQL cluster ${version}/${name}…`);
      spawnSync(
        'pg_ctlcluster',
        ['--skip-systemctl-redirect', version, name, 'start'],
        { stdio: 'inherit' },
      );
    }
    return true;
  }
  return tryCompose('postgres');
}

function tryStartRedis(port) {
  if (has('redis-server')) {
    log('Starting Redis…');
    spawnSync(
      'redis-server',
      [
        '--daemonize',
        'yes',
        '--bind',
        '127.0.0.1',
        '--port',
        String(port),
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: 'inherit' },
    );
    return true;
  }
  return tryCompose('redis');
}

function tryCompose(service) {
  if (
    !has('docker') ||
    spawnSync('docker', ['info'], { stdio: 'ignore' }).status !== 0
  )
    return false;
  log(`Starting ${service} with docker compose…`);
  return (
    spawnSync('docker', ['compose', 'up', '-d', service], {
      cwd: ROOT,
      stdio: 'inherit',
    }).status === 0
  );
}

/** Finds PostgreSQL and Redis, starting local ones that are installed but stopped. */
export async function ensureServices(databaseUrl, redisUrl) {
  const db = new URL(databaseUrl);
  const dbPort = Number(db.port || 5432);
  if (!(await reachable(db.hostname, dbPort))) {
    const started = isLocal(db.hostname) && tryStartPostgres();
    if (!started || !(await waitFor(db.hostname, dbPort, 20))) {
      throw new StepError(
        `PostgreSQL is not reachable at ${db.hostname}:${dbPort}. Install and start it ` +
          `(apt-get install postgresql && pg_ctlcluster 15 main start), run "docker compose up -d", ` +
          `or set DATABASE_URL to a running server.`,
      );
    }
  }
  const redis = new URL(redisUrl);
  const redisPort = Number(redis.port || 6379);
  if (!(await reachable(redis.hostname, redisPort))) {
    const started = isLocal(redis.hostname) && tryStartRedis(redisPort);
    if (!started || !(await waitFor(redis.hostname, redisPort, 10))) {
      throw new StepError(
        `Redis is not reachable at ${redis.hostname}:${redisPort}. Install and start it ` +
          `(apt-get install redis-server && redis-server --daemonize yes), run "docker compose up -d", ` +
          `or set REDIS_URL to a running server.`,
      );
    }
  }
}

async function adminClient(databaseUrl) {
  const { default: pg } = await import('pg');
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  return client;
}

export async function createDatabase(databaseUrl) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = await adminClient(databaseUrl);
  try {
    const { rowCount } = await client.query(
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [name],
    );
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      return true;
    }
    return false;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = await adminClient(databaseUrl);
  try {
    await client.query(
      `DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`,
    );
  } finally {
    await client.end();
  }
}

/** Runs `main` and turns a StepError into one clear line and a non-zero exit. */
export function main(fn) {
  fn().catch((error) => {
    if (error instanceof StepError) {
      process.stderr.write(`\n\u001b[31m✖\u001b[0m ${error.message}\n`);
    } else {
      process.stderr.write(
        `\n\u001b[31m✖\u001b[0m ${error?.stack ?? error}\n`,
      );
    }
    process.exit(1);
  });
}
