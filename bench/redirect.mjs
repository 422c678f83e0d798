// `npm run bench:redirect`: the share-link redirect with click recording against a bare
// node:http 302, same load, same run; then checks every 302 became exactly one stored click.
import autocannon from 'autocannon';
import { createServer } from 'node:http';
import pg from 'pg';
import {
  benchEnv,
  cleanUp,
  median,
  prepareSeededDatabase,
  startApi,
  startWorker,
} from './lib.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 150_000);
const CONNECTIONS = 100;
const ROUNDS = 2;
const TARGET_RPS = 0.5;
const TARGET_P99 = 3;

const { databaseUrl, env } = benchEnv('redirect');

function load(url) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        pipelining: 1,
        amount: REQUESTS,
        followRedirect: false,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

function startBare() {
  const server = createServer((_req, res) => {
    res.writeHead(302, {
      location: 'https://shop.example.com/welcome?ref=bench',
    });
    res.end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server)),
  );
}

async function main() {
  const children = [];
  try {
    await prepareSeededDatabase(databaseUrl, env);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const {
      rows: [programme],
    } = await db.query(
      `INSERT INTO referral_programmes (name, slug, status, landing_url, referrer_reward)
       VALUES ('Bench', 'bench', 'active', 'https://shop.example.com/welcome', '{"type":"points","amount":100,"currency":null}') RETURNING id`,
    );
    const {
      rows: [customer],
    } = await db.query(`SELECT id FROM customers ORDER BY id LIMIT 1`);
    await db.query(
      `INSERT INTO referral_codes (code, programme_id, customer_id, segment_snapshot, segment_key)
       VALUES ('benchcode', $1, $2, '{}'::jsonb, 'bench')`,
      [programme.id, customer.id],
    );

    // The API answers and buffers; the writer runs in its own process, as in production.
    const port = await startApi(env, children);
    const bare = await startBare();
    const bareUrl = `http://127.0.0.1:${bare.address().port}/r/benchcode`;
    const apiUrl = `http://127.0.0.1:${port}/r/benchcode`;

    await load(apiUrl); // warm-up: JIT, code cache, connection pools
    const bareRuns = [];
    const apiRuns = [];
    let issued = 0;
    for (let round = 0; round < ROUNDS; round++) {
      bareRuns.push(await load(bareUrl));
      const result = await load(apiUrl);
      apiRuns.push(result);
    }
    bare.close();
    const warmupAndRuns = REQUESTS * (ROUNDS + 1);
    issued = apiRuns.reduce((sum, r) => sum + r['3xx'], 0) + REQUESTS;
    const bareRps = median(bareRuns.map((r) => r.requests.average));
    const apiRps = median(apiRuns.map((r) => r.requests.average));
    const bareP99 = median(bareRuns.map((r) => r.latency.p99));
    const apiP99 = median(apiRuns.map((r) => r.latency.p99));
    const non3xx = apiRuns.reduce(
      (sum, r) => sum + r.non2xx - r['3xx'] + r.errors + r.timeouts,
      0,
    );

    startWorker(env, children);
    let stored = 0;
    const started = Date.now();
    for (;;) {
      // Only the bench programme: the demo seed has clicks of its own.
      const { rows } = await db.query(
        'SELECT count(*)::int AS n FROM referral_clicks WHERE programme_id = $1',
        [programme.id],
      );
      stored = rows[0].n;
      if (stored >= warmupAndRuns || Date.now() - started > 120_000) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const drainSeconds = (Date.now() - started) / 1000;
    const {
      rows: [daily],
    } = await db.query(
      'SELECT coalesce(sum(clicks),0)::int AS n FROM referral_click_daily WHERE programme_id = $1',
      [programme.id],
    );
    await db.end();

    const rpsRatio = apiRps / bareRps;
    const p99Ratio = apiP99 / Math.max(bareP99, 1);
    const clickRatio = stored / issued;
    console.log(
      `bare node:http 302      ${Math.round(bareRps)} req/s, p99 ${bareP99} ms`,
    );
    console.log(
      `/r/:code with recording ${Math.round(apiRps)} req/s, p99 ${apiP99} ms, non-302 answers ${non3xx}`,
    );
    console.log(
      `requests/s ratio ${rpsRatio.toFixed(3)} (target >= ${TARGET_RPS}); p99 ratio ${p99Ratio.toFixed(2)} (target <= ${TARGET_P99})`,
    );
    console.log(
      `302s issued ${issued}, clicks stored ${stored}, daily counters ${daily.n}, drained in ${drainSeconds.toFixed(1)} s: ratio ${clickRatio.toFixed(3)} (target 1.000)`,
    );
    const pass =
      rpsRatio >= TARGET_RPS &&
      p99Ratio <= TARGET_P99 &&
      stored === issued &&
      daily.n === issued &&
      non3xx === 0;
    console.log(
      `RESULT redirect ratio=${rpsRatio.toFixed(3)} target=${TARGET_RPS} ${pass ? 'PASS' : 'FAIL'}`,
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    await cleanUp(children, databaseUrl);
  }
}

main().catch((error) => {
  console.error(error);
  console.log('RESULT redirect ratio=0 target=0.5 FAIL');
  process.exit(1);
});
