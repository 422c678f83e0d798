// Claims per second through the product's claim path (idempotency key, conditional update, history,
// fulfilment, stored answer) against a bare `UPDATE … WHERE state = 'available'` over as many rows,
// both with the same number of concurrent clients, in one fresh database.
// Usage: node bench/claims.mjs   (BENCH_DATABASE_URL: any database on the server; BENCH_CLAIMS, BENCH_CONCURRENCY)
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ADVOCATES = 500;
const TARGET = 0.3;

const base = new URL(
  process.env.BENCH_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres',
);
const name = `bench_claims_${Date.now().toString(36)}`;
const url = new URL(base);
url.pathname = `/${name}`;
const log = (message) => console.log(`[bench] ${message}`);

function runner(...args) {
  const out = execFileSync(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      resolve(ROOT, 'bench/claims-runner.ts'),
      ...args,
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

/** N available points rewards spread over the advocates, tagged so the two runs use separate rows. */
const seedRewards = (tag) => `
INSERT INTO rewards (customer_id, type, amount, source, source_ref, state, reason, available_at, segment_snapshot, segment_key)
SELECT c.id, 'points', 100, 'manual', '${tag}-' || g, 'available', 'Bench', now(), '{}'::jsonb, 'unsurveyed'
  FROM generate_series(1, ${CLAIMS}) g
  JOIN LATERAL (SELECT id FROM customers ORDER BY id OFFSET (g % ${ADVOCATES}) LIMIT 1) c ON true`;

async function main() {
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    log(`database ${name}: migrating`);
    runner('migrate', url.toString());
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(
      `INSERT INTO customers (email, name) SELECT 'bench-' || g || '@bench.example', 'Bench ' || g FROM generate_series(1, ${ADVOCATES}) g`,
    );
    await client.query(seedRewards('product'));
    await client.query(seedRewards('bare'));
    await client.query('ANALYZE');
    const bareIds = (
      await client.query(
        `SELECT id FROM rewards WHERE source_ref LIKE 'bare-%'`,
      )
    ).rows.map((row) => row.id);
    await client.end();

    log(
      `${CLAIMS} claims through the product path, ${CONCURRENCY} concurrent clients`,
    );
    const product = runner('claims', url.toString(), String(CONCURRENCY));
    if (product.ok !== CLAIMS)
      throw new Error(
        `only ${product.ok} of ${CLAIMS} product claims succeeded`,
      );

    log(
      `${CLAIMS} bare conditional UPDATEs, ${CONCURRENCY} concurrent clients`,
    );
    const pool = new pg.Pool({
      connectionString: url.toString(),
      max: CONCURRENCY,
    });
    pool.on('error', () => undefined);
    let next = 0;
    let ok = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bareIds.length) {
          const id = bareIds[next++];
          const result = await pool.query(
            `UPDATE rewards SET state = 'claimed' WHERE id = $1 AND state = 'available' RETURNING *`,
            [id],
          );
          ok += result.rowCount;
        }
      }),
    );
    const bareMs = Number(process.hrtime.bigint() - started) / 1e6;
    await pool.end();
    if (ok !== CLAIMS)
      throw new Error(`only ${ok} of ${CLAIMS} bare updates succeeded`);

    const productRate = (product.ok / product.ms) * 1000;
    const bareRate = (ok / bareMs) * 1000;
    const ratio = productRate / bareRate;
    console.log(
      `product claims: ${productRate.toFixed(0)} claims/s (${product.ok} in ${(product.ms / 1000).toFixed(2)} s)`,
    );
    console.log(
      `bare UPDATE:    ${bareRate.toFixed(0)} claims/s (${ok} in ${(bareMs / 1000).toFixed(2)} s)`,
    );
    console.log(
      `RESULT claims ratio=${ratio.toFixed(2)} target=${TARGET} ${ratio >= TARGET ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
