// Times the product's segment recompute against one hand-written UPDATE … FROM on 1,000,000 customers.
// Usage: node bench/segments.mjs   (BENCH_DATABASE_URL points at any database on the server; default local postgres)
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const ROUNDS = 2;
const TARGET = 2;

const base = new URL(
  process.env.BENCH_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres',
);
const name = `bench_segments_${Date.now().toString(36)}`;
const url = new URL(base);
url.pathname = `/${name}`;

const log = (message) => console.log(`[bench] ${message}`);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** Both sides classify as of this moment: a window edge passing mid-run would otherwise split them. */
let asOf = new Date().toISOString();

function runner(command) {
  const out = execFileSync(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      resolve(ROOT, 'bench/segments-runner.ts'),
      command,
      url.toString(),
      asOf,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: resolve(ROOT, 'tsconfig.base.json'),
      },
      encoding: 'utf8',
    },
  );
  return out.trim() ? JSON.parse(out.trim().split('\n').pop()) : null;
}

async function timed(client, sql, params = []) {
  const started = process.hrtime.bigint();
  const result = await client.query(sql, params);
  return {
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    rows: result.rowCount,
  };
}

const GENERATE_CUSTOMERS = `
INSERT INTO customers (email, name, purchase_count, last_purchase_at, last_advocacy_at, ambassador_since)
SELECT 'bench-' || g || '@bench.example', 'Bench customer ' || g, (random() * 6)::int,
       CASE WHEN random() < 0.2 THEN NULL ELSE now() - random() * interval '400 days' END,
       CASE WHEN random() < 0.12 THEN now() - random() * interval '150 days' END,
       CASE WHEN random() < 0.01 THEN now() - interval '200 days' END
  FROM generate_series(1, ${CUSTOMERS}) g`;

// 0–3 NPS answers each, roughly 100 days apart, with a realistic skew towards 8–10.
const GENERATE_RESPONSES = `
INSERT INTO survey_responses (survey_id, customer_id, kind, score, channel, responded_at)
SELECT s.id, c.id, 'nps',
       (ARRAY[0,1,2,3,4,5,6,6,7,7,8,8,8,9,9,9,10,10,10])[1 + floor(random() * 19)::int],
       'import', now() - ((k - 1) * 100 + random() * 90) * interval '1 day'
  FROM customers c
 CROSS JOIN (SELECT id FROM surveys LIMIT 1) s
 CROSS JOIN LATERAL generate_series(1, abs(hashtext(c.id::text)) % 4) k`;

// The same work as the product with the default rules inlined: classify everyone and rewrite their segment.
const BASELINE = `
UPDATE customer_segments cs
   SET segment_key = x.segment_key, nps_category = x.nps_category, last_score = x.last_score,
       advocacy_level = x.advocacy_level, loyalty = x.loyalty, churn_risk = x.churn_risk, computed_at = $1::timestamptz
  FROM (
    SELECT y.*,
           CASE WHEN nps_category = 'promoter' AND advocacy_level IN ('active', 'ambassador') THEN 'champions'
                WHEN nps_category = 'promoter' THEN 'promoters'
                WHEN nps_category = 'detractor' THEN 'detractors'
                WHEN churn_risk THEN 'at-risk'
                WHEN nps_category = 'passive' THEN 'passives'
                ELSE 'unsurveyed' END AS segment_key
      FROM (
        SELECT c.id AS customer_id, l.score AS last_score, z.nps_category, z.advocacy_level,
               CASE WHEN z.advocacy_level <> 'passive' THEN 'advocacy' WHEN z.nps_category = 'promoter' THEN 'attitudinal'
                    WHEN c.purchase_count >= 2 THEN 'behavioural' ELSE 'none' END AS loyalty,
               z.nps_category = 'detractor' OR coalesce(l.previous - l.score >= 3, false)
                 OR (coalesce(c.last_purchase_at, '-infinity') < $1::timestamptz - interval '180 days'
                     AND coalesce(c.last_advocacy_at, '-infinity') < $1::timestamptz - interval '180 days') AS churn_risk
          FROM customers c
          LEFT JOIN (
            SELECT DISTINCT ON (customer_id) customer_id, score, responded_at,
                   lead(score) OVER (PARTITION BY customer_id ORDER BY responded_at DESC, id DESC) AS previous
              FROM survey_responses WHERE kind = 'nps' AND responded_at <= $1::timestamptz
             ORDER BY customer_id, responded_at DESC, id DESC
          ) l ON l.customer_id = c.id
          CROSS JOIN LATERAL (SELECT
            CASE WHEN l.responded_at IS NULL OR l.responded_at < $1::timestamptz - interval '180 days' THEN 'unknown'
                 WHEN l.score >= 9 THEN 'promoter' WHEN l.score >= 7 THEN 'passive' ELSE 'detractor' END AS nps_category,
            CASE WHEN c.ambassador_since IS NOT NULL THEN 'ambassador'
                 WHEN c.last_advocacy_at >= $1::timestamptz - interval '90 days' THEN 'active' ELSE 'passive' END AS advocacy_level
          ) z
      ) y
  ) x
 WHERE cs.customer_id = x.customer_id`;

async function main() {
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  log(`database ${name}`);
  let client;
  try {
    runner('migrate');
    client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(
      `INSERT INTO surveys (kind, name, question) VALUES ('nps', 'Bench', 'How likely…?')`,
    );
    const customers = await timed(client, GENERATE_CUSTOMERS);
    log(
      `${customers.rows.toLocaleString('en')} customers in ${seconds(customers.ms)}`,
    );
    const responses = await timed(client, GENERATE_RESPONSES);
    log(
      `${responses.rows.toLocaleString('en')} NPS responses in ${seconds(responses.ms)}`,
    );
    await client.query('VACUUM ANALYZE');
    asOf = new Date().toISOString();

    const first = runner('recompute');
    log(
      `product, first run (inserts every segment and its first history row): ${seconds(first.ms)}, ${first.changed.toLocaleString('en')} history rows`,
    );
    const product = [];
    const baseline = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const b = await timed(client, BASELINE, [asOf]);
      baseline.push(b.ms);
      log(
        `round ${round}: baseline UPDATE … FROM ${seconds(b.ms)} (${b.rows.toLocaleString('en')} rows)`,
      );
      const p = runner('recompute');
      product.push(p.ms);
      // The product compares with what the baseline just wrote: zero moves means both classify alike.
      log(
        `round ${round}: product recompute ${seconds(p.ms)} (${p.computed.toLocaleString('en')} rows, ${p.changed} differ from the baseline)`,
      );
      if (p.changed !== 0)
        throw new Error(
          'The product and the baseline disagree on some segments',
        );
    }
    const best = (values) => Math.min(...values);
    const ratio = best(product) / best(baseline);
    log(
      `best product ${seconds(best(product))}, best baseline ${seconds(best(baseline))}`,
    );
    await client.end();
    client = undefined;
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    console.log(
      `RESULT segments ratio=${ratio.toFixed(2)} target=${TARGET} ${ratio <= TARGET ? 'PASS' : 'FAIL'}`,
    );
  } catch (error) {
    await client?.end().catch(() => undefined);
    await admin
      .query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      .catch(() => undefined);
    await admin.end().catch(() => undefined);
    throw error;
  }
}

main().catch((error) => {
  console.error(error);
  console.log(`RESULT segments ratio=NaN target=${TARGET} FAIL`);
  process.exit(1);
});
