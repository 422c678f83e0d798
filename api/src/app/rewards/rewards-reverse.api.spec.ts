import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestAdvocate,
  TestUser,
} from '../../../test/test-app';
import { grantReward } from './testing/reward-fixtures';

describe('staff reward reversal (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let advocate: TestAdvocate;
  let manager: TestUser;

  const reverse = (user: TestUser, id: string, payload: object) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/rewards/${id}/reverse`,
      headers: bearer(user),
      payload,
    });

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    advocate = await createUser(app, 'advocate');
    manager = await createUser(app, 'manager');
  });

  afterAll(async () => {
    await app.close();
  });

  it('reverses an available reward with the reason shown to the advocate, and audits it', async () => {
    const reward = await grantReward(app, advocate.customerId);
    const response = await reverse(manager, reward.id, {
      reason: 'Granted by mistake',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      state: 'reversed',
      reason: 'Granted by mistake',
    });
    const audit = await db.query(
      `SELECT action FROM audit_log WHERE entity_id = $1`,
      [reward.id],
    );
    expect(audit).toEqual([{ action: 'reward.reversed' }]);

    const again = await reverse(manager, reward.id, { reason: 'Once more' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors.reason).toContain('reversed');
  });

  it('claws back part of a delivered reward, never more than was paid', async () => {
    const reward = await grantReward(app, advocate.customerId, {
      points: 300,
    });
    await db.query(`UPDATE rewards SET state = 'fulfilled' WHERE id = $1`, [
      reward.id,
    ]);
    const tooMuch = await reverse(manager, reward.id, {
      reason: 'Refunded',
      amount: 301,
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors.amount).toBeDefined();

    const response = await reverse(manager, reward.id, {
      reason: 'Refunded',
      amount: 100,
    });
    expect(response.statusCode).toBe(200);
    const entries = await db.query(
      `SELECT amount::int AS amount, state FROM rewards WHERE source = 'clawback' AND source_ref = $1`,
      [reward.id],
    );
    expect(entries).toEqual([{ amount: -100, state: 'fulfilled' }]);
  });

  it('needs a reason, and is for staff only', async () => {
    const reward = await grantReward(app, advocate.customerId);
    const noReason = await reverse(manager, reward.id, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.reason).toBeDefined();
    expect(
      (await reverse(advocate, reward.id, { reason: 'Mine now' })).statusCode,
    ).toBe(403);
    const [row] = await db.query(`SELECT state FROM rewards WHERE id = $1`, [
      reward.id,
    ]);
    expect(row.state).toBe('available');
  });
});
