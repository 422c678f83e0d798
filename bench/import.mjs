// Loads 1M (and 5M) survey responses through the real import path (HTTP upload → queue worker → COPY → merge)
// of a freshly started built API, and compares with `psql \copy` of the same file into a plain table.
// Usage: npm run bench:import  (BENCH_SKIP_BUILD=1 reuses dist/api; BENCH_ROWS / BENCH_BIG_ROWS change the sizes)
import { execFileSync, spawn } from 'node:child_process';
import {
  createReadStream,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { writeResponsesCsv } from './import-csv.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, 'bench/.out');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const BIG_ROWS = Number(process.env.BENCH_BIG_ROWS ?? 5_000_000);
const RATIO_TARGET = 0.5;
const MEMORY_TARGET = 1.2;
const PORT = Number(process.env.BENCH_PORT ?? 3390);
const base = new URL(
  process.env.BENCH_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres',
);

const log = (message) => console.log(`[bench] ${message}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function databaseUrl(name) {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function envFor(db) {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl(db),
    PORT: String(PORT),
    REDIS_PREFIX: db,
    RUN_WORKERS: 'true',
    WEB_DIST: '',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    IMPORT_MAX_BYTES: String(4 * 1024 ** 3),
    UPLOAD_DIR: resolve(OUT, 'uploads'),
  };
}

/** Peak resident memory (VmHWM) of a process, in MB. */
function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function startServer(db) {
  const server = spawn(process.execPath, ['dist/api/main.js', 'serve'], {
    cwd: ROOT,
    env: envFor(db),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok)
        return server;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  server.kill();
  throw new Error('The API did not start');
}

async function api(token, path, init = {}) {
  const response = await fetch(`http://127.0.0.1:${PORT}/api/v1/${path}`, {
    ...init,
    headers: {
      ...(init.headers ?? {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  const body = await response.json();
  if (!response.ok)
    throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** One import of `file` through a freshly started API process; returns rows/s and that process's peak RSS. */
async function importRun(db, file, rows) {
  const server = await startServer(db);
  try {
    const { accessToken } = await api(null, 'auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'admin@demo.test',
        password: 'demo-advocacy-2026',
      }),
    });
    const baselineRss = peakRssMb(server.pid);
    const boundary = `----bench${Date.now()}`;
    const body = Readable.from(
      (async function* () {
        yield Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        );
        yield* createReadStream(file, { highWaterMark: 1 << 20 });
        yield Buffer.from(`\r\n--${boundary}--\r\n`);
      })(),
    );
    const started = performance.now();
    const job = await api(accessToken, 'imports?kind=responses', {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: Readable.toWeb(body),
      duplex: 'half',
    });
    let state = job;
    while (state.status === 'queued' || state.status === 'running') {
      await sleep(250);
      state = await api(accessToken, `imports/${job.id}`);
    }
    const seconds = (performance.now() - started) / 1000;
    if (state.status !== 'completed')
      throw new Error(`Import failed: ${state.failureReason}`);
    if (state.insertedRows !== rows)
      throw new Error(
        `Expected ${rows} inserted rows, got ${state.insertedRows}`,
      );
    return {
      seconds,
      rowsPerSecond: rows / seconds,
      peakMb: peakRssMb(server.pid),
      startMb: baselineRss,
      job: state,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

function psqlCopy(db, file) {
  const url = databaseUrl(db);
  execFileSync('psql', [
    url,
    '-qc',
    'CREATE TABLE bench_plain (survey_id uuid, customer_external_id text, score smallint, responded_at timestamptz, comment text, external_id text)',
  ]);
  const started = performance.now();
  execFileSync('psql', [
    url,
    '-qc',
    `\\copy bench_plain FROM '${file}' WITH (FORMAT csv, HEADER true)`,
  ]);
  return (performance.now() - started) / 1000;
}

/**
 * What no import into this schema can beat: the same rows, customers already resolved, copied by
 * psql straight into survey_responses with its indexes and foreign keys, in a copy of the database.
 */
async function psqlFloor(db) {
  const floorDb = `${db}_floor`;
  await admin(`CREATE DATABASE "${floorDb}" TEMPLATE "${db}"`);
  try {
    const url = databaseUrl(floorDb);
    const resolved = resolve(OUT, 'resolved.csv');
    execFileSync('psql', [
      url,
      '-qc',
      `\\copy (SELECT p.external_id, p.survey_id, c.id, 'nps', p.score, p.comment, 'import', p.responded_at FROM bench_plain p JOIN customers c ON c.external_id = p.customer_external_id) TO '${resolved}' WITH (FORMAT csv)`,
    ]);
    const started = performance.now();
    execFileSync('psql', [
      url,
      '-qc',
      `\\copy survey_responses (external_id, survey_id, customer_id, kind, score, comment, channel, responded_at) FROM '${resolved}' WITH (FORMAT csv)`,
    ]);
    const seconds = (performance.now() - started) / 1000;
    rmSync(resolved, { force: true });
    return seconds;
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${floorDb}" WITH (FORCE)`);
  }
}

async function prepare(db) {
  await admin(`CREATE DATABASE "${db}"`);
  execFileSync(process.execPath, ['dist/api/main.js', 'seed'], {
    cwd: ROOT,
    env: envFor(db),
    stdio: 'inherit',
  });
  const client = new pg.Client({ connectionString: databaseUrl(db) });
  await client.connect();
  const survey = await client.query(
    "INSERT INTO surveys (kind, name, question) VALUES ('nps', 'Bench NPS', 'How likely are you to recommend us?') RETURNING id",
  );
  const customers = await client.query(
    'SELECT external_id FROM customers WHERE external_id IS NOT NULL ORDER BY external_id',
  );
  await client.end();
  return {
    surveyId: survey.rows[0].id,
    customerIds: customers.rows.map((r) => r.external_id),
  };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the API (npx nx build api)');
    execFileSync('npx', ['nx', 'build', 'api'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
  }
  const tag = Date.now().toString(36);
  const dbs = [`bench_import_${tag}_a`, `bench_import_${tag}_b`];
  const files = [
    resolve(OUT, `responses-${ROWS}.csv`),
    resolve(OUT, `responses-${BIG_ROWS}.csv`),
  ];
  try {
    const small = await prepare(dbs[0]);
    log(`writing ${ROWS.toLocaleString()} rows`);
    await writeResponsesCsv(files[0], ROWS, small.surveyId, small.customerIds);
    log(`file: ${(statSync(files[0]).size / 1e6).toFixed(1)} MB`);
    const copySeconds = psqlCopy(dbs[0], files[0]);
    const copyRate = ROWS / copySeconds;
    log(
      `psql \\copy into a plain table: ${copySeconds.toFixed(2)} s = ${Math.round(copyRate).toLocaleString()} rows/s`,
    );
    const floorSeconds = await psqlFloor(dbs[0]);
    log(
      `floor: psql \\copy of the same rows, customers resolved, into survey_responses (5 indexes, 2 foreign keys): ${floorSeconds.toFixed(2)} s = ratio ${(copySeconds / floorSeconds).toFixed(2)} at best for any import into this table`,
    );
    const run = await importRun(dbs[0], files[0], ROWS);
    log(
      `import ${ROWS.toLocaleString()} rows: ${run.seconds.toFixed(2)} s = ${Math.round(run.rowsPerSecond).toLocaleString()} rows/s; API process peak RSS ${run.peakMb.toFixed(0)} MB (at start ${run.startMb.toFixed(0)} MB)`,
    );
    rmSync(files[0], { force: true });

    const big = await prepare(dbs[1]);
    log(`writing ${BIG_ROWS.toLocaleString()} rows`);
    await writeResponsesCsv(files[1], BIG_ROWS, big.surveyId, big.customerIds);
    const bigRun = await importRun(dbs[1], files[1], BIG_ROWS);
    log(
      `import ${BIG_ROWS.toLocaleString()} rows: ${bigRun.seconds.toFixed(2)} s = ${Math.round(bigRun.rowsPerSecond).toLocaleString()} rows/s; API process peak RSS ${bigRun.peakMb.toFixed(0)} MB`,
    );

    const ratio = run.rowsPerSecond / copyRate;
    const memoryRatio = bigRun.peakMb / run.peakMb;
    log(
      `memory: peak RSS ${BIG_ROWS.toLocaleString()} / ${ROWS.toLocaleString()} = ${memoryRatio.toFixed(2)} (target <= ${MEMORY_TARGET})`,
    );
    const pass = ratio >= RATIO_TARGET && memoryRatio <= MEMORY_TARGET;
    console.log(
      `RESULT import ratio=${ratio.toFixed(2)} target=${RATIO_TARGET} ${pass ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    for (const file of files) rmSync(file, { force: true });
    for (const db of dbs)
      await admin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch(
        () => undefined,
      );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
