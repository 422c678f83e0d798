import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../../test/test-app';
import { RewardsService } from '../rewards/rewards.service';
import { seedDemoRewards } from './demo-rewards';
import { SeedService } from './seed.service';

describe('demo rewards seed (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  const demoRewards = async () =>
    (await db.query(
      `SELECT r.state, r.type, (SELECT count(*)::int FROM reward_transitions t WHERE t.reward_id = r.id) AS steps
         FROM rewards r JOIN customers c ON c.id = r.customer_id
        WHERE c.email = 'advocate@demo.test' AND r.source_ref LIKE 'demo:%' ORDER BY r.source_ref`,
    )) as { state: string; type: string; steps: number }[];

  it('gives the demo advocate a reward in each state, once', async () => {
    await app.get(SeedService).run();
    const first = await demoRewards();
    expect(first.map((r) => r.state).sort()).toEqual([
      'available',
      'available',
      'claimed',
      'fulfilled',
      'fulfilled',
      'over_budget',
      'pending',
    ]);
    const fulfilledPoints = first.find(
      (r) => r.state === 'fulfilled' && r.type === 'points',
    );
    expect(fulfilledPoints?.steps).toBe(3);

    await app.get(SeedService).run();
    expect(await demoRewards()).toEqual(first);
  });

  it('stocks a coupon pool and a budget on the demo programme when it exists', async () => {
    await db.query(
      `INSERT INTO referral_programmes (name, slug, status, landing_url, referrer_reward)
       VALUES ('Give $10, get $10', 'give-10-get-10', 'active', 'https://brand.example/', '{"type":"coupon","amount":1000,"currency":"USD"}')
       ON CONFLICT (slug) DO NOTHING`,
    );
    await seedDemoRewards(db, app.get(RewardsService));
    await seedDemoRewards(db, app.get(RewardsService));
    const [pool] = await db.query(
      `SELECT count(c.id)::int AS codes, count(DISTINCT p.id)::int AS pools
         FROM coupon_pools p JOIN referral_programmes g ON g.id = p.programme_id
         LEFT JOIN coupons c ON c.pool_id = p.id
        WHERE g.slug = 'give-10-get-10' AND p.name = 'Give $10 welcome codes'`,
    );
    expect(pool).toEqual({ codes: 24, pools: 1 });
    const [budget] = await db.query(
      `SELECT b.limit_minor::int AS limit FROM reward_budgets b JOIN referral_programmes g ON g.id = b.programme_id
        WHERE g.slug = 'give-10-get-10' AND b.period = 'month'`,
    );
    expect(budget.limit).toBeGreaterThan(0);
  });
});
