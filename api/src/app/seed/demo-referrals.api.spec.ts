import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../../test/test-app';
import { seedDemoReferrals } from './demo-referrals';
import { SeedService } from './seed.service';

describe('demo referrals seed (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  it('seeds the active programme and the demo advocate’s working code, once', async () => {
    await app.get(SeedService).run();
    await seedDemoReferrals(db);
    const programmes = await db.query(
      `SELECT id, status, landing_url, hold_days, referrer_reward, friend_reward
         FROM referral_programmes WHERE slug = 'give-10-get-10'`,
    );
    expect(programmes).toEqual([
      expect.objectContaining({
        status: 'active',
        landing_url: 'https://shop.example.com/welcome',
        hold_days: 30,
        referrer_reward: {
          type: 'store_credit',
          amount: 1000,
          currency: 'USD',
        },
        friend_reward: { type: 'store_credit', amount: 1000, currency: 'USD' },
      }),
    ]);
    const codes: { code: string }[] = await db.query(
      `SELECT c.code FROM referral_codes c JOIN users u ON u.customer_id = c.customer_id
        WHERE u.email = 'advocate@demo.test' AND c.programme_id = $1 AND NOT c.is_vanity`,
      [programmes[0].id],
    );
    expect(codes).toHaveLength(1);
    const visit = await app.inject({
      method: 'GET',
      url: `/r/${codes[0].code}`,
    });
    expect(visit.statusCode).toBe(302);
  });
});
