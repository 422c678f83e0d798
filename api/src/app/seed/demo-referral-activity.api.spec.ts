import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../../test/test-app';
import { SeedService } from './seed.service';

describe('demo referral activity (seed)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('gives the demo programme clicks and referrals in every status, once', async () => {
    const db = app.get(DataSource);
    await app.get(SeedService).run();
    const count = async () =>
      (await db.query(
        `SELECT r.status, count(*)::int AS n FROM referrals r JOIN referral_programmes p ON p.id = r.programme_id
          WHERE p.slug = 'give-10-get-10' GROUP BY 1 ORDER BY 1`,
      )) as { status: string; n: number }[];
    const first = await count();
    expect(first.map((row) => row.status)).toEqual([
      'in_review',
      'pending',
      'qualified',
      'rejected',
      'reversed',
    ]);
    const [{ clicks, daily }] = await db.query(
      `SELECT (SELECT count(*)::int FROM referral_clicks WHERE programme_id = p.id) AS clicks,
              (SELECT sum(clicks)::int FROM referral_click_daily WHERE programme_id = p.id) AS daily
         FROM referral_programmes p WHERE p.slug = 'give-10-get-10'`,
    );
    expect(clicks).toBeGreaterThan(100);
    expect(daily).toBe(clicks);
    const [{ mine }] = await db.query(
      `SELECT count(*)::int AS mine FROM referrals r JOIN users u ON u.customer_id = r.referrer_customer_id
        WHERE u.email = 'advocate@demo.test'`,
    );
    expect(mine).toBeGreaterThanOrEqual(5);

    await app.get(SeedService).run();
    expect(await count()).toEqual(first);
  });
});
