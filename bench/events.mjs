// `npm run bench:events`: signed purchase events (unique ids, each a referred first purchase that
// qualifies and grants two rewards) against POST /api/v1/events vs a bare node:http server that
// only verifies the same Standard Webhooks HMAC. The API acknowledges once the event is stored;
// the timed part measures that intake. Workers run as their own processes (on other machines in
// production), so here the worker starts once the load ends instead of sharing this box's cores
// with the API; the bench then waits for the backlog to drain, reports the processing rate, and
// checks every 202 became exactly one processed event, one qualified referral and two rewards.
import autocannon from 'autocannon';
import {
  createHmac,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
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

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
/** Processing a qualifying purchase is ~25 statements; the backlog must be gone within this. */
const DRAIN_TIMEOUT_MS = 900_000;
const CONNECTIONS = 20;
const ROUNDS = 2;
const TARGET = 0.2;
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const KEY = Buffer.from(SECRET.slice(6), 'base64');

const { databaseUrl, env } = benchEnv('events', {
  EVENTS_WEBHOOK_SECRET: SECRET,
});

const sign = (msgId, timestamp, body) =>
  createHmac('sha256', KEY)
    .update(`${msgId}.${timestamp}.`)
    .update(body)
    .digest();

/** A fresh, signed purchase by a new friend carrying the bench code. */
function signedRequest(req) {
  const eventId = randomUUID();
  const body = JSON.stringify({
    id: `evt_${eventId}`,
    type: 'purchase',
    occurredAt: new Date().toISOString(),
    customer: { email: `friend-${eventId}@bench.example` },
    amountMinor: 4200,
    currency: 'USD',
    orderId: `order-${eventId}`,
    code: 'benchcode',
  });
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    ...req,
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': `msg_${eventId}`,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': `v1,${sign(`msg_${eventId}`, timestamp, body).toString('base64')}`,
    },
  };
}

function load(url, seconds = SECONDS) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        pipelining: 1,
        duration: seconds,
        requests: [{ setupRequest: signedRequest }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** The floor: read the body, verify the same HMAC in constant time, answer 200. */
function startBare() {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const given = Buffer.from(
        String(req.headers['webhook-signature']).slice(3),
        'base64',
      );
      const expected = sign(
        req.headers['webhook-id'],
        req.headers['webhook-timestamp'],
        body,
      );
      const ok =
        given.length === expected.length && timingSafeEqual(given, expected);
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(ok ? '{"outcome":"recorded"}' : '{}');
    });
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
    // Velocity would (rightly) hold one advocate's thousands of referrals a day for review.
    const {
      rows: [programme],
    } = await db.query(
      `INSERT INTO referral_programmes (name, slug, status, landing_url, referrer_reward, friend_reward, fraud_rules)
       VALUES ('Bench', 'bench-events', 'active', 'https://shop.example.com/welcome',
               '{"type":"points","amount":100,"currency":null}', '{"type":"points","amount":50,"currency":null}',
               '{"modes":{"velocity":"off"}}') RETURNING id`,
    );
    const {
      rows: [customer],
    } = await db.query(`SELECT id FROM customers ORDER BY id LIMIT 1`);
    await db.query(
      `INSERT INTO referral_codes (code, programme_id, customer_id, segment_snapshot, segment_key)
       VALUES ('benchcode', $1, $2, '{}'::jsonb, 'bench')`,
      [programme.id, customer.id],
    );

    const port = await startApi(env, children);
    const bare = await startBare();
    const bareUrl = `http://127.0.0.1:${bare.address().port}/api/v1/events`;
    const apiUrl = `http://127.0.0.1:${port}/api/v1/events`;

    const warmup = await load(apiUrl, 3); // JIT, connection pools
    const bareRuns = [];
    const apiRuns = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRuns.push(await load(bareUrl));
      apiRuns.push(await load(apiUrl));
    }
    bare.close();
    await new Promise((r) => setTimeout(r, 2000)); // let cut-off requests finish
    const ok = [warmup, ...apiRuns].reduce((sum, r) => sum + r['2xx'], 0);
    const failed = apiRuns.reduce(
      (sum, r) => sum + r.non2xx + r.errors + r.timeouts,
      0,
    );
    const bareRps = median(bareRuns.map((r) => r.requests.average));
    const apiRps = median(apiRuns.map((r) => r.requests.average));
    const apiP99 = median(apiRuns.map((r) => r.latency.p99));
    startWorker(env, children);
    const drainStarted = Date.now();
    let backlog = Infinity;
    while (backlog > 0 && Date.now() - drainStarted < DRAIN_TIMEOUT_MS) {
      await new Promise((r) => setTimeout(r, 500));
      backlog = (
        await db.query(
          `SELECT count(*)::int AS n FROM referral_events WHERE state = 'received' AND payload ->> 'code' = 'benchcode'`,
        )
      ).rows[0].n;
    }
    const drainSeconds = (Date.now() - drainStarted) / 1000;
    const {
      rows: [stored],
    } = await db.query(
      // Only the bench programme: the demo seed has referrals of its own.
      `SELECT (SELECT count(*)::int FROM referral_events WHERE payload ->> 'code' = 'benchcode') AS events,
              (SELECT count(*)::int FROM referral_events WHERE payload ->> 'code' = 'benchcode' AND state = 'processed') AS processed,
              (SELECT count(*)::int FROM referrals WHERE status = 'qualified' AND programme_id = $1) AS qualified,
              (SELECT count(*)::int FROM rewards WHERE source = 'referral' AND programme_id = $1) AS rewards`,
      [programme.id],
    );
    await db.end();

    const ratio = apiRps / bareRps;
    console.log(`bare node:http HMAC check   ${Math.round(bareRps)} req/s`);
    console.log(
      `POST /api/v1/events (signed)  ${Math.round(apiRps)} req/s, p99 ${apiP99} ms, failures ${failed}`,
    );
    console.log(
      `202s ${ok}, events stored ${stored.events}, processed ${stored.processed} by one worker in ${drainSeconds.toFixed(1)} s ` +
        `(${Math.round(stored.processed / drainSeconds)} events/s), ` +
        `referrals qualified ${stored.qualified}, referral rewards ${stored.rewards}`,
    );
    // A timed run may end with answers in flight: those events committed but were not counted as 202s.
    const pass =
      ratio >= TARGET &&
      failed === 0 &&
      backlog === 0 &&
      stored.events >= ok &&
      stored.events <= ok + CONNECTIONS * (ROUNDS + 1) &&
      stored.processed === stored.events &&
      stored.qualified === stored.events &&
      stored.rewards === 2 * stored.events;
    console.log(
      `RESULT events ratio=${ratio.toFixed(3)} target=${TARGET} ${pass ? 'PASS' : 'FAIL'}`,
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    await cleanUp(children, databaseUrl);
  }
}

main().catch((error) => {
  console.error(error);
  console.log(`RESULT events ratio=0 target=${TARGET} FAIL`);
  process.exit(1);
});
