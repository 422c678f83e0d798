// `npm test`: lint, type-check, migration drift, unit + API tests (real PostgreSQL and Redis,
// a fresh database per run) and browser tests in headless Chromium, then one summary line.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_REDIS_URL,
  ROOT,
  StepError,
  createDatabase,
  dropDatabase,
  ensureInstalled,
  ensureServices,
  log,
  main,
  nxEnv,
  run,
} from './lib.mjs';

const TYPECHECK = [
  'libs/shared/tsconfig.lib.json',
  'libs/shared/tsconfig.spec.json',
  'migrations/tsconfig.json',
  'api/tsconfig.app.json',
  'api/tsconfig.spec.json',
  'web/tsconfig.app.json',
  'web/tsconfig.spec.json',
  'e2e/tsconfig.json',
];

const JEST_PROJECTS = [
  ['shared', 'libs/shared/jest.config.cts'],
  ['web', 'web/jest.config.cts'],
  ['api', 'api/jest.config.cts'],
  ['browser', 'e2e/jest.config.cts'],
];

const OUT = join(ROOT, 'test-output');

main(async () => {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  ensureInstalled();
  checkChromium();
  await ensureServices(databaseUrl, redisUrl);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const env = {
    ...nxEnv,
    TEST_DATABASE_URL: admin.toString(),
    REDIS_URL: redisUrl,
    CI: 'true',
  };

  log('Lint');
  run('npx', ['nx', 'run-many', '-t', 'lint', '--outputStyle=static'], { env });
  log('Type-check');
  for (const project of TYPECHECK)
    run('npx', ['tsc', '--noEmit', '-p', project], { env });
  log('Migrations match the entities');
  await checkMigrationDrift(admin, env);
  log('Build API and portal');
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
    { env },
  );

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const failures = [];
  for (const [name, config] of JEST_PROJECTS) {
    log(`Tests: ${name}`);
    try {
      run(
        'npx',
        [
          'jest',
          '-c',
          config,
          '--ci',
          '--json',
          `--outputFile=${join(OUT, `${name}.json`)}`,
        ],
        { env },
      );
    } catch (error) {
      if (!(error instanceof StepError)) throw error;
      failures.push(name);
    }
  }
  const totals = JEST_PROJECTS.map(([name]) => readResults(name)).reduce(
    (sum, r) => ({
      passed: sum.passed + r.passed,
      failed: sum.failed + r.failed,
    }),
    { passed: 0, failed: 0 },
  );
  process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed\n`);
  if (failures.length > 0 || totals.failed > 0)
    throw new StepError(`Tests failed in: ${failures.join(', ')}`);
  if (totals.passed === 0) throw new StepError('No test ran');
});

function checkChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new StepError(
      `Chromium is missing at ${path}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
}

function readResults(name) {
  const file = join(OUT, `${name}.json`);
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const result = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: result.numPassedTests,
    failed: result.numFailedTests + result.numRuntimeErrorTestSuites,
  };
}

/** Fails when the entities describe a schema the migrations do not create. */
async function checkMigrationDrift(admin, env) {
  const url = new URL(admin);
  url.pathname = `/advocacy_drift_${randomBytes(4).toString('hex')}`;
  await createDatabase(url.toString());
  const cli = ['-r', '@swc-node/register', 'node_modules/typeorm/cli.js'];
  const cliEnv = {
    ...env,
    DATABASE_URL: url.toString(),
    SWC_NODE_PROJECT: 'migrations/tsconfig.json',
  };
  try {
    run('node', [...cli, 'migration:run', '-d', 'migrations/data-source.ts'], {
      env: cliEnv,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    run(
      'node',
      [
        ...cli,
        'migration:generate',
        '--check',
        '-d',
        'migrations/data-source.ts',
        'migrations/src/Drift',
      ],
      { env: cliEnv },
    );
  } finally {
    await dropDatabase(url.toString());
  }
}
