import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';
import { RewardFulfilmentService } from './reward-fulfilment.service';
import { RewardsService } from './rewards.service';
import {
  createProgramme,
  grantReward,
  ledgerCounts,
} from './testing/reward-fixtures';

describe('rewards ledger (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let manager: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    manager = await createUser(app, 'manager');
  });

  afterAll(async () => {
    await app.close();
  });

  const claim = (user: TestUser, id: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/rewards/${id}/claim`,
      headers: { ...bearer(user), 'idempotency-key': randomUUID() },
    });

  it('grants once per event, and conserves amounts through release, claim, payout and clawback', async () => {
    const advocate = await createUser(app, 'advocate');
    const customerId = advocate.customerId;
    const sourceRef = randomUUID();
    const input = {
      type: 'cash' as const,
      amountMinor: 5000,
      currency: 'USD',
      source: 'referral' as const,
      sourceRef,
      holdDays: 14,
    };
    const reward = await grantReward(app, customerId, input);
    const again = await grantReward(app, customerId, input);
    expect(again.id).toBe(reward.id);
    expect(reward.state).toBe('pending');

    const sums = async () => {
      const rows: { state: string; total: string }[] = await db.query(
        `SELECT state, sum(amount) AS total FROM rewards WHERE customer_id = $1 GROUP BY state ORDER BY state`,
        [customerId],
      );
      return Object.fromEntries(
        rows.map((row) => [row.state, Number(row.total)]),
      );
    };
    expect(await sums()).toEqual({ pending: 5000 });
    await db.query(
      `UPDATE rewards SET available_at = now() - interval '1 second' WHERE id = $1`,
      [reward.id],
    );
    expect(
      await app.get(RewardsService).releaseDueHolds(),
    ).toBeGreaterThanOrEqual(1);
    expect(await sums()).toEqual({ available: 5000 });
    expect((await claim(advocate, reward.id)).json().state).toBe('claimed');
    expect(await sums()).toEqual({ claimed: 5000 });

    const approvals = await app.inject({
      method: 'GET',
      url: '/api/v1/rewards?queue=approvals&pageSize=200',
      headers: bearer(manager),
    });
    expect(
      approvals.json().items.map((item: { id: string }) => item.id),
    ).toContain(reward.id);
    const paid = await app.inject({
      method: 'POST',
      url: `/api/v1/rewards/${reward.id}/mark-paid`,
      headers: bearer(manager),
      payload: { payoutReference: 'BANK-123' },
    });
    expect(paid.json()).toMatchObject({
      state: 'fulfilled',
      payoutReference: 'BANK-123',
    });
    expect(await sums()).toEqual({ fulfilled: 5000 });

    const reverse = (amount?: number) =>
      db.transaction((m) =>
        app.get(RewardsService).reverse(m, {
          source: 'referral',
          sourceRef,
          reason: 'Refunded',
          amount,
        }),
      );
    await expect(reverse(5001)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const [outcome] = await reverse(3000);
    expect(outcome.outcome).toBe('clawed_back');
    expect((await reverse())[0].outcome).toBe('already_reversed');
    expect(await sums()).toEqual({ fulfilled: 2000 });
    const audit: { n: string }[] = await db.query(
      `SELECT count(*) AS n FROM audit_log WHERE entity_id = $1`,
      [reward.id],
    );
    expect(Number(audit[0].n)).toBe(1);
  });

  it('parks grants past a budget or cap as over budget, under concurrency, until a manager decides', async () => {
    const programme = await createProgramme(app);
    const put = await app.inject({
      method: 'PUT',
      url: `/api/v1/rewards/limits/${programme.id}`,
      headers: bearer(manager),
      payload: {
        budgets: [{ period: 'month', limitMinor: 1000 }],
        caps: [{ period: 'lifetime', maxCount: 3 }],
      },
    });
    expect(put.statusCode).toBe(200);
    const advocates = await Promise.all(
      Array.from({ length: 4 }, () => createUser(app, 'advocate')),
    );
    const rewards = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        grantReward(app, advocates[i % 4].customerId, {
          programmeId: programme.id,
          type: 'store_credit',
          amountMinor: 100,
          currency: 'USD',
        }),
      ),
    );
    expect(
      rewards.filter((reward) => reward.state !== 'over_budget'),
    ).toHaveLength(10);
    const limits = await app.inject({
      method: 'GET',
      url: `/api/v1/rewards/limits/${programme.id}`,
      headers: bearer(manager),
    });
    expect(limits.json().budgets[0]).toMatchObject({
      period: 'month',
      limitMinor: 1000,
      usedMinor: 1000,
    });

    // Points spend no money budget, so only the lifetime count cap of 3 stops the fourth.
    const newcomer = await createUser(app, 'advocate');
    const points = [];
    for (let i = 0; i < 4; i += 1)
      points.push(
        await grantReward(app, newcomer.customerId, {
          programmeId: programme.id,
          type: 'points',
          points: 5,
        }),
      );
    expect(points.map((reward) => reward.state)).toEqual([
      'available',
      'available',
      'available',
      'over_budget',
    ]);
    const capped = points[3];
    const parked = rewards.find((reward) => reward.state === 'over_budget');
    if (!parked) throw new Error('no reward was parked over budget');
    const approve = await app.inject({
      method: 'POST',
      url: `/api/v1/rewards/${parked.id}/review`,
      headers: bearer(manager),
      payload: { decision: 'approve', reason: 'Worth it' },
    });
    expect(approve.json().state).toBe('available');
    const reject = await app.inject({
      method: 'POST',
      url: `/api/v1/rewards/${capped.id}/review`,
      headers: bearer(manager),
      payload: { decision: 'reject', reason: 'Cap reached' },
    });
    expect(reject.json()).toMatchObject({
      state: 'rejected',
      reason: 'Cap reached',
    });
  });

  it('refuses bad manual grants field by field without writing anything', async () => {
    const advocate = await createUser(app, 'advocate');
    for (const amount of [-5, 'ten', 1.5]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/rewards',
        headers: bearer(manager),
        payload: {
          customerId: advocate.customerId,
          type: 'store_credit',
          amount,
          currency: 'USD',
          reason: 'Thanks',
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.amount).toEqual(expect.any(String));
    }
    const noCurrency = await app.inject({
      method: 'POST',
      url: '/api/v1/rewards',
      headers: bearer(manager),
      payload: {
        customerId: advocate.customerId,
        type: 'cash',
        amount: 100,
        reason: 'Thanks',
      },
    });
    expect(noCurrency.json().errors.currency).toEqual(expect.any(String));
    expect(Number((await ledgerCounts(app, advocate.customerId)).rewards)).toBe(
      0,
    );
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/rewards',
      headers: bearer(manager),
      payload: {
        customerId: advocate.customerId,
        type: 'points',
        amount: 40,
        reason: 'Thanks for the review',
      },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      state: 'available',
      amount: 40,
      segmentKey: expect.any(String),
    });
  });

  it('imports coupon codes all or nothing and hands each code to one reward only', async () => {
    const pool = await app.inject({
      method: 'POST',
      url: '/api/v1/rewards/coupon-pools',
      headers: bearer(manager),
      payload: { name: 'Spring', lowThreshold: 1 },
    });
    const poolId: string = pool.json().id;
    const duplicated = await app.inject({
      method: 'POST',
      url: `/api/v1/rewards/coupon-pools/${poolId}/codes`,
      headers: bearer(manager),
      payload: { codes: ['A-1', 'B-2', 'A-1'] },
    });
    expect(duplicated.statusCode).toBe(400);
    expect(duplicated.json().errors.codes).toContain('A-1');
    const none: { n: string }[] = await db.query(
      `SELECT count(*) AS n FROM coupons WHERE pool_id = $1`,
      [poolId],
    );
    expect(Number(none[0].n)).toBe(0);

    const boundary = 'x-boundary';
    const csv = await app.inject({
      method: 'POST',
      url: `/api/v1/rewards/coupon-pools/${poolId}/codes.csv`,
      headers: {
        ...bearer(manager),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\nContent-Type: text/csv\r\n\r\ncode\r\nC-${poolId}-1\r\nC-${poolId}-2\r\n--${boundary}--\r\n`,
    });
    expect(csv.statusCode).toBe(201);
    expect(csv.json()).toMatchObject({
      added: 2,
      pool: { remaining: 2, low: false },
    });

    const advocate = await createUser(app, 'advocate');
    const rewards = await Promise.all(
      [1, 2, 3].map(() =>
        grantReward(app, advocate.customerId, {
          type: 'coupon',
          amountMinor: 0,
          couponPoolId: poolId,
        }),
      ),
    );
    for (const reward of rewards)
      expect((await claim(advocate, reward.id)).json().state).toBe('claimed');
    const fulfilment = app.get(RewardFulfilmentService);
    const outcomes = await Promise.allSettled(
      rewards.flatMap((reward) => [
        fulfilment.fulfil(reward.id),
        fulfilment.fulfil(reward.id),
      ]),
    );
    expect(
      outcomes.filter(
        (o) => o.status === 'fulfilled' && o.value === 'fulfilled',
      ),
    ).toHaveLength(2);
    const codes: { coupon_code: string | null }[] = await db.query(
      `SELECT coupon_code FROM rewards WHERE customer_id = $1 AND coupon_code IS NOT NULL`,
      [advocate.customerId],
    );
    expect(new Set(codes.map((row) => row.coupon_code)).size).toBe(2);
    const pools = await app.inject({
      method: 'GET',
      url: '/api/v1/rewards/coupon-pools',
      headers: bearer(manager),
    });
    expect(
      pools.json().items.find((p: { id: string }) => p.id === poolId),
    ).toMatchObject({ remaining: 0, low: true });
  });

});
