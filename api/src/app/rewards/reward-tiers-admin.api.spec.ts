import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';
import { createProgramme } from './testing/reward-fixtures';

describe('reward tier management (API)', () => {
  let app: NestFastifyApplication;
  let manager: TestUser;

  const tier = (rank: number, extra: object = {}) => ({
    name: `Tier ${rank}`,
    rank,
    minQualifiedReferrals: rank * 3,
    maxRefundRate: 0.2,
    minRepeatPurchaseShare: null,
    minFriendAverageNps: null,
    windowDays: null,
    bonus: { type: 'points', amount: 500, currency: null },
    downgrade: 'keep',
    ...extra,
  });

  beforeAll(async () => {
    app = await createTestApp();
    manager = await createUser(app, 'manager');
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates, lists, updates and deletes tiers, each audited', async () => {
    const programme = await createProgramme(app);
    const url = `/api/v1/rewards/programmes/${programme.id}/tiers`;
    const created = await app.inject({
      method: 'POST',
      url,
      headers: bearer(manager),
      payload: tier(1),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    await app.inject({
      method: 'POST',
      url,
      headers: bearer(manager),
      payload: tier(2),
    });

    const list = await app.inject({
      method: 'GET',
      url,
      headers: bearer(manager),
    });
    expect(list.json().items.map((t: { rank: number }) => t.rank)).toEqual([
      1, 2,
    ]);

    const updated = await app.inject({
      method: 'PUT',
      url: `/api/v1/rewards/tiers/${id}`,
      headers: bearer(manager),
      payload: tier(1, { name: 'Bronze', minQualifiedReferrals: 5 }),
    });
    expect(updated.json()).toMatchObject({
      name: 'Bronze',
      minQualifiedReferrals: 5,
    });

    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/v1/rewards/tiers/${id}`,
      headers: bearer(manager),
    });
    expect(removed.statusCode).toBe(204);
    const after = await app.inject({
      method: 'GET',
      url,
      headers: bearer(manager),
    });
    expect(after.json().total).toBe(1);
    const actions = await app
      .get(DataSource)
      .query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at`, [
        id,
      ]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'reward_tier.created',
      'reward_tier.updated',
      'reward_tier.deleted',
    ]);
  });

  it('refuses a taken rank and bad fields with field messages, saving nothing', async () => {
    const programme = await createProgramme(app);
    const url = `/api/v1/rewards/programmes/${programme.id}/tiers`;
    await app.inject({
      method: 'POST',
      url,
      headers: bearer(manager),
      payload: tier(1),
    });
    const taken = await app.inject({
      method: 'POST',
      url,
      headers: bearer(manager),
      payload: tier(1),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors.rank).toBeDefined();
    const bad = await app.inject({
      method: 'POST',
      url,
      headers: bearer(manager),
      payload: tier(2, {
        maxRefundRate: 3,
        bonus: { type: 'gold', amount: 0 },
      }),
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().errors)).toEqual(
      expect.arrayContaining(['maxRefundRate', 'bonus.type', 'bonus.amount']),
    );
    const list = await app.inject({
      method: 'GET',
      url,
      headers: bearer(manager),
    });
    expect(list.json().total).toBe(1);
    const advocate = await createUser(app, 'advocate');
    expect(
      (await app.inject({ method: 'GET', url, headers: bearer(advocate) }))
        .statusCode,
    ).toBe(403);
  });
});
