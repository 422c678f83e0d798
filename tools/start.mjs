// `npm start`: install, build, find services, create and migrate the database, seed, serve.
import { spawn } from 'node:child_process';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_REDIS_URL,
  ROOT,
  createDatabase,
  ensureInstalled,
  ensureServices,
  log,
  main,
  nxEnv,
  run,
  StepError,
} from './lib.mjs';

const DEMO_PASSWORD = 'demo-advocacy-2026';
const DEMO_LOGINS = [
  'admin@demo.test',
  'manager@demo.test',
  'brand@demo.test',
  'advocate@demo.test',
];

main(async () => {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const port = process.env.PORT || '3000';
  ensureInstalled();
  await ensureServices(databaseUrl, redisUrl);
  if (await createDatabase(databaseUrl))
    log(`Created database ${new URL(databaseUrl).pathname.slice(1)}`);
  log('Building the API and the portal…');
  run(
    'npx',
    [
      'nx',
      'run-many',
      '-t',
      'build',
      '-p',
      'api',
      'web',
      '--outputStyle=static',
    ],
    { env: nxEnv },
  );
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    PORT: port,
  };
  log('Migrating and seeding the demo programme…');
  run('node', ['dist/api/main.js', 'seed'], { env });
  const server = spawn('node', ['dist/api/main.js', 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server.stdout.pipe(process.stdout);
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
  await waitForHealth(port);
  const url = `http://localhost:${port}`;
  process.stdout.write(
    `\n  Advocacy Portal is running at ${url}\n  API docs: ${url}/api/docs\n\n  Demo logins (password ${DEMO_PASSWORD}):\n` +
      DEMO_LOGINS.map((email) => `    ${email}`).join('\n') +
      '\n\n',
  );
});

async function waitForHealth(port) {
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new StepError(
    `The server did not become healthy on port ${port} within a minute; see the log above.`,
  );
}
