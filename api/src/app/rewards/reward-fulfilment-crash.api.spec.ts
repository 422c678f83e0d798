import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, createTestApp, createUser } from '../../../test/test-app';
import { grantReward } from './testing/reward-fixtures';
import { waitFor } from '../../../test/wait-for';
import { spawnWorker, stop } from './testing/spawn-worker';

/** A worker killed with SIGKILL in the middle of a fulfilment: no code lost, none handed out twice. */
describe('reward fulfilment survives a killed worker', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await Promise.all(children.map(stop));
    await app.close();
  });

  it('fulfils exactly once after the first worker dies mid-job', async () => {
    const [pool] = await db.query(
      `INSERT INTO coupon_pools (name, low_threshold) VALUES ('Crash', 0) RETURNING id`,
    );
    const codes = [1, 2, 3].map((n) => `CRASH-${randomUUID()}-${n}`);
    await db.query(
      `INSERT INTO coupons (pool_id, code) SELECT $1, unnest($2::text[])`,
      [pool.id, codes],
    );
    const advocate = await createUser(app, 'advocate');
    const reward = await grantReward(app, advocate.customerId, {
      type: 'coupon',
      amountMinor: 0,
      couponPoolId: pool.id,
    });
    const claim = await app.inject({
      method: 'POST',
      url: `/api/v1/rewards/${reward.id}/claim`,
      headers: { ...bearer(advocate), 'idempotency-key': randomUUID() },
    });
    expect(claim.json().state).toBe('claimed');

    // The first worker takes a code, then sleeps inside its transaction until it is killed.
    const first = spawnWorker({
      RUN_WORKERS: 'true',
      REWARDS_FULFIL_TEST_DELAY_MS: '120000',
    });
    children.push(first.child);
    await waitFor(
      `the first worker to hold a coupon mid-transaction\n${first.output()}`,
      async () => {
        const rows: { n: string }[] = await db.query(
          `SELECT count(*) AS n FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'idle in transaction' AND query ILIKE '%UPDATE coupons%'`,
        );
        return Number(rows[0].n) > 0;
      },
      90_000,
    );
    await stop(first.child);

    const [midway] = await db.query(`SELECT state FROM rewards WHERE id = $1`, [
      reward.id,
    ]);
    expect(midway.state).toBe('claimed');
    const held: unknown[] = await db.query(
      `SELECT 1 FROM coupons WHERE claimed_by_reward_id = $1`,
      [reward.id],
    );
    expect(held).toHaveLength(0);

    const second = spawnWorker({
      RUN_WORKERS: 'true',
      REWARDS_FULFIL_TEST_DELAY_MS: '0',
    });
    children.push(second.child);
    await waitFor(
      `the second worker to finish the stalled job\n${second.output()}`,
      async () =>
        (
          await db.query(
            `SELECT 1 FROM rewards WHERE id = $1 AND state = 'fulfilled'`,
            [reward.id],
          )
        ).length > 0,
      90_000,
    );

    const assigned: { code: string }[] = await db.query(
      `SELECT code FROM coupons WHERE claimed_by_reward_id IS NOT NULL AND pool_id = $1`,
      [pool.id],
    );
    expect(assigned).toHaveLength(1);
    const [fulfilled] = await db.query(
      `SELECT coupon_code FROM rewards WHERE id = $1`,
      [reward.id],
    );
    expect(fulfilled.coupon_code).toBe(assigned[0].code);
    const steps: { n: string }[] = await db.query(
      `SELECT count(*) AS n FROM reward_transitions WHERE reward_id = $1 AND to_state = 'fulfilled'`,
      [reward.id],
    );
    expect(Number(steps[0].n)).toBe(1);
  }, 240_000);
});
