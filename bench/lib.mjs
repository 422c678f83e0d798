// Plumbing shared by the HTTP benchmarks: a fresh seeded database, the built API on it, cleanup.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ROOT, createDatabase, dropDatabase, nxEnv } from '../tools/lib.mjs';

/** A database name and environment of the bench's own, so runs never collide. */
export function benchEnv(name, extra = {}) {
  const url = new URL(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const id = randomBytes(4).toString('hex');
  url.pathname = `/advocacy_bench_${name}_${id}`;
  const databaseUrl = url.toString();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: `bench_${id}`,
    LOG_LEVEL: 'warn',
    WEB_DIST: '',
    HOST: '127.0.0.1',
    ...extra,
  };
  return { databaseUrl, env };
}

/** Builds the API, creates the database and loads the demo data (which migrates it). */
export async function prepareSeededDatabase(databaseUrl, env) {
  spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], {
    cwd: ROOT,
    env: nxEnv,
    stdio: 'ignore',
  });
  await createDatabase(databaseUrl);
  const seeded = spawnSync('node', ['dist/api/main.js', 'seed'], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  if (seeded.status !== 0) throw new Error('seeding failed');
}

/** Starts the built API without queue workers (they run apart, as in production) and waits for health. */
export async function startApi(env, children) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const api = spawn('node', ['dist/api/main.js', 'serve'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), RUN_WORKERS: 'false' },
    stdio: 'inherit',
  });
  children.push(api);
  for (let i = 0; i < 120; i++) {
    if (api.exitCode !== null)
      throw new Error(`server exited with ${api.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return port;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

export function startWorker(env, children) {
  const worker = spawn('node', ['dist/api/main.js', 'worker'], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  children.push(worker);
  return worker;
}

export async function cleanUp(children, databaseUrl) {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await dropDatabase(databaseUrl);
}

export const median = (values) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
