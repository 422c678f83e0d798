import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { writeState } from './state';

const ROOT = resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        done(typeof address === 'object' && address ? address.port : 0),
      );
    });
  });
}

/** Starts the built API (serving the built portal) on its own database and port. */
export default async function globalSetup(): Promise<void> {
  for (const file of ['dist/api/main.js', 'dist/web/browser/index.html']) {
    if (!existsSync(resolve(ROOT, file)))
      throw new Error(`${file} is missing: build first (npm test does).`);
  }
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new URL(
    process.env['TEST_DATABASE_URL'] ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  const name = `advocacy_e2e_${id}`;
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  admin.pathname = `/${name}`;
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: admin.toString(),
    REDIS_PREFIX: `e2e_${id}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    WEB_DIST: 'dist/web/browser',
  };
  const seeded = spawnSync('node', ['dist/api/main.js', 'seed'], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  if (seeded.status !== 0) throw new Error('Seeding the e2e database failed');
  const server = spawn('node', ['dist/api/main.js', 'serve'], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
    detached: false,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null)
      throw new Error(`The API exited with ${server.exitCode}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  writeState({
    baseUrl,
    pid: server.pid ?? 0,
    databaseUrl: env.DATABASE_URL,
    redisPrefix: env.REDIS_PREFIX,
  });
}
