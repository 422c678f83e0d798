import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestAdvocate,
  TestUser,
} from '../../../test/test-app';
import { RewardsService } from './rewards.service';
import {
  createProgramme,
  grantReward,
  ledgerCounts,
} from './testing/reward-fixtures';

describe('reward claims (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let advocate: TestAdvocate;

  /** `null` sends no Idempotency-Key at all. */
  const claim = (
    user: TestUser,
    id: string,
    key: string | null = randomUUID(),
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/rewards/${id}/claim`,
      headers: {
        ...bearer(user),
        ...(key === null ? {} : { 'idempotency-key': key }),
      },
    });

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    advocate = await createUser(app, 'advocate');
  });

  afterAll(async () => {
    await app.close();
  });

  it('claims an available points reward once and credits the balance from the ledger', async () => {
    const reward = await grantReward(app, advocate.customerId, {
      points: 250,
    });
    const key = randomUUID();
    const response = await claim(advocate, reward.id, key);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: reward.id,
      state: 'fulfilled',
    });
    expect(
      response.json().transitions.map((t: { toState: string }) => t.toState),
    ).toEqual(['available', 'claimed', 'fulfilled']);
    const wallet = await app.inject({
      method: 'GET',
      url: '/api/v1/rewards/wallet',
      headers: bearer(advocate),
    });
    expect(wallet.json().balances.points).toBeGreaterThanOrEqual(250);
    // Granted available, then claimed: each told once through the webhook outbox, a replay adds nothing.
    await claim(advocate, reward.id, key);
    const events = await app
      .get(DataSource)
      .query(
        `SELECT type, data FROM webhook_events WHERE data ->> 'rewardId' = $1 ORDER BY created_at`,
        [reward.id],
      );
    expect(events).toEqual([
      {
        type: 'reward.available',
        data: expect.objectContaining({
          rewardId: reward.id,
          state: 'available',
        }),
      },
      {
        type: 'reward.claimed',
        data: {
          rewardId: reward.id,
          customerId: advocate.customerId,
          programmeId: null,
          type: 'points',
          amount: 250,
          currency: null,
          source: 'manual',
          sourceRef: expect.any(String),
          state: 'claimed',
        },
      },
    ]);
  });

  it('replays the same key, refuses its reuse for another reward, and needs a key of 1–255 characters', async () => {
    const reward = await grantReward(app, advocate.customerId);
    const key = randomUUID();
    const first = await claim(advocate, reward.id, key);
    const again = await claim(advocate, reward.id, key);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());

    const other = await grantReward(app, advocate.customerId);
    const reused = await claim(advocate, other.id, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');

    const before = await ledgerCounts(app, advocate.customerId);
    for (const bad of [null, 'x'.repeat(300)]) {
      const response = await claim(advocate, other.id, bad);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors['Idempotency-Key']).toEqual(
        expect.any(String),
      );
    }
    expect(await ledgerCounts(app, advocate.customerId)).toEqual(before);
  });

  it("answers 404 for another advocate's reward and 409 for reversed or expired ones, changing nothing", async () => {
    const stranger = await createUser(app, 'advocate');
    const reward = await grantReward(app, advocate.customerId);
    const reversed = await grantReward(app, advocate.customerId, {
      source: 'referral',
      sourceRef: randomUUID(),
    });
    await db.transaction((manager) =>
      app.get(RewardsService).reverse(manager, {
        source: 'referral',
        sourceRef: reversed.sourceRef,
        reason: 'Order refunded',
      }),
    );
    const expired = await grantReward(app, advocate.customerId, {
      expiresInDays: 1,
    });
    await db.query(
      `UPDATE rewards SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [expired.id],
    );
    expect(await app.get(RewardsService).expireDue()).toBeGreaterThanOrEqual(1);

    const before = await ledgerCounts(app, advocate.customerId);
    const foreign = await claim(stranger, reward.id);
    expect(foreign.statusCode).toBe(404);
    const onReversed = await claim(advocate, reversed.id);
    expect(onReversed.statusCode).toBe(409);
    expect(onReversed.json().message).toMatch(/reversed/);
    const onExpired = await claim(advocate, expired.id);
    expect(onExpired.statusCode).toBe(409);
    expect(onExpired.json().message).toMatch(/expired/);
    expect(await ledgerCounts(app, advocate.customerId)).toEqual(before);
    const keys: { n: string }[] = await db.query(
      `SELECT count(*) AS n FROM idempotency_keys WHERE scope = $1`,
      [`user:${stranger.id}`],
    );
    expect(Number(keys[0].n)).toBe(0);
  });

  it('lets exactly one of 100 concurrent claims through, with different or the same keys, every time', async () => {
    for (let round = 0; round < 4; round += 1) {
      const reward = await grantReward(app, advocate.customerId);
      const sameKey = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          claim(
            advocate,
            reward.id,
            round % 2 === 0 ? randomUUID() : i % 2 ? sameKey : randomUUID(),
          ),
        ),
      );
      const statuses = responses.map((response) => response.statusCode);
      expect(statuses.every((status) => [200, 409].includes(status))).toBe(
        true,
      );
      const fresh = responses.filter(
        (response) =>
          response.statusCode === 200 &&
          !response.headers['idempotent-replayed'],
      );
      expect(fresh).toHaveLength(1);
      const transitions: { to_state: string; n: string }[] = await db.query(
        `SELECT to_state, count(*) AS n FROM reward_transitions WHERE reward_id = $1 GROUP BY to_state ORDER BY to_state`,
        [reward.id],
      );
      expect(transitions.map((row) => [row.to_state, Number(row.n)])).toEqual([
        ['available', 1],
        ['claimed', 1],
        ['fulfilled', 1],
      ]);
    }
  }, 120_000);

  it('moves only one reward when one key is sent at once for two rewards, every time', async () => {
    for (let round = 0; round < 4; round += 1) {
      const rewards = [
        await grantReward(app, advocate.customerId),
        await grantReward(app, advocate.customerId),
      ];
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          claim(advocate, rewards[i % 2].id, key),
        ),
      );
      const fresh = responses.filter(
        (response) =>
          response.statusCode === 200 &&
          !response.headers['idempotent-replayed'],
      );
      expect(fresh).toHaveLength(1);
      const winner = fresh[0].json().id;
      for (const response of responses) {
        if (response.statusCode === 200)
          expect(response.json().id).toBe(winner);
        else expect([409, 422]).toContain(response.statusCode);
      }
      const states: { id: string; state: string }[] = await db.query(
        `SELECT id, state FROM rewards WHERE id = ANY($1)`,
        [rewards.map((reward) => reward.id)],
      );
      expect(
        Object.fromEntries(states.map((row) => [row.id, row.state])),
      ).toEqual(
        Object.fromEntries(
          rewards.map((reward) => [
            reward.id,
            reward.id === winner ? 'fulfilled' : 'available',
          ]),
        ),
      );
    }
  }, 120_000);

  it("refuses a money claim below the programme's minimum, with the reason, until the balance reaches it", async () => {
    const manager = await createUser(app, 'manager');
    const programme = await createProgramme(app);
    const set = await app.inject({
      method: 'PUT',
      url: `/api/v1/rewards/limits/${programme.id}`,
      headers: bearer(manager),
      payload: { budgets: [], caps: [], minClaimMinor: 2000 },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().minClaimMinor).toBe(2000);
    const money = {
      programmeId: programme.id,
      type: 'store_credit' as const,
      currency: 'USD',
    };
    const small = await grantReward(app, advocate.customerId, {
      ...money,
      amountMinor: 1000,
    });
    const refused = await claim(advocate, small.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.reward).toContain('$20.00');
    const [row] = await db.query(`SELECT state FROM rewards WHERE id = $1`, [
      small.id,
    ]);
    expect(row.state).toBe('available');

    await grantReward(app, advocate.customerId, {
      ...money,
      amountMinor: 1500,
    });
    const accepted = await claim(advocate, small.id);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().state).toBe('fulfilled');
  });
});
