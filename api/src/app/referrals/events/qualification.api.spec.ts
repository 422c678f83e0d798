import { getQueueToken } from '@nestjs/bullmq';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../../../test/test-app';
import { QUEUES, SegmentJobs } from '../../queues/queue-names';
import { RewardTier } from '../../rewards/entities/reward-tier.entity';
import { Referral } from '../entities/referral.entity';
import { EventProcessorService } from './event-processor.service';
import { EventsService } from './events.service';
import {
  createScheme,
  deliver,
  eventsApiKey,
  friendEmail,
  purchase,
  signedHeaders,
  TEST_WEBHOOK_SECRET,
} from './testing/event-fixtures';

describe('referral qualification and refunds (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let apiKey: Record<string, string>;

  beforeAll(async () => {
    process.env['EVENTS_WEBHOOK_SECRET'] = TEST_WEBHOOK_SECRET;
    app = await createTestApp();
    db = app.get(DataSource);
    apiKey = await eventsApiKey(app);
  });

  afterAll(async () => {
    delete process.env['EVENTS_WEBHOOK_SECRET'];
    await app.close();
  });

  const send = (payload: Record<string, unknown>) =>
    deliver(app, {
      method: 'POST',
      url: '/api/v1/events',
      headers: apiKey,
      payload,
    });

  async function rewardsOf(referralId: string) {
    return db.query(
      `SELECT customer_id, state, amount FROM rewards WHERE source = 'referral' AND source_ref = $1 ORDER BY amount DESC`,
      [referralId],
    ) as Promise<{ customer_id: string; state: string; amount: string }[]>;
  }

  describe('qualification and refunds', () => {
    it('grants exactly one referrer and one friend reward when the purchase arrives 20 times at once', async () => {
      const { code, referrer } = await createScheme(app);
      const event = purchase(friendEmail(), { code: code.code });
      const body = JSON.stringify(event);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          app.inject({
            method: 'POST',
            url: '/api/v1/events',
            headers: signedHeaders(body),
            payload: body,
          }),
        ),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(202));
      const answers = new Set(responses.map((r) => r.body));
      expect(answers.size).toBe(1);
      await Promise.all([
        app.get(EventProcessorService).drain(),
        app.get(EventProcessorService).drain(),
      ]);
      const status = await app.get(EventsService).status(String(event['id']));
      expect(status).toMatchObject({
        state: 'processed',
        outcome: 'qualified',
      });
      const rewards = await rewardsOf(status.referralId as string);
      expect(rewards).toHaveLength(2);
      expect(rewards[0]).toMatchObject({
        customer_id: referrer.id,
        state: 'pending',
      });
      const waiting = await app
        .get<Queue>(getQueueToken(QUEUES.segments))
        .getJobs(['waiting', 'prioritized', 'delayed']);
      expect(
        waiting.some(
          (job) =>
            job.name === 'recompute' &&
            (job.data as SegmentJobs['recompute']).customerIds?.includes(
              referrer.id,
            ),
        ),
      ).toBe(true);
      const [row] = await db.query(
        `SELECT last_advocacy_at FROM customers WHERE id = $1`,
        [referrer.id],
      );
      expect(row.last_advocacy_at).not.toBeNull();
    });

    it('rejects a first purchase below the minimum', async () => {
      const { code } = await createScheme(app);
      const response = await send(
        purchase(friendEmail(), { code: code.code, amountMinor: 1999 }),
      );
      expect(response.json().outcome).toBe('rejected');
      const referral = await db
        .getRepository(Referral)
        .findOneByOrFail({ id: response.json().referralId });
      expect(referral.reasonCode).toBe('below_minimum');
      expect(await rewardsOf(referral.id)).toHaveLength(0);
    });

    it('reverses both rewards when the order is refunded within the hold', async () => {
      const { code } = await createScheme(app);
      const email = friendEmail();
      const order = purchase(email, { code: code.code });
      const bought = await send(order);
      const refund = await send({
        id: `evt_${randomUUID()}`,
        type: 'refund',
        occurredAt: new Date().toISOString(),
        customer: { email },
        amountMinor: 5000,
        currency: 'USD',
        orderId: order['orderId'],
      });
      expect(refund.json()).toMatchObject({
        outcome: 'reversed',
        referralId: bought.json().referralId,
      });
      const rewards = await rewardsOf(bought.json().referralId);
      expect(rewards.map((r) => r.state)).toEqual(['reversed', 'reversed']);
    });

    it('keeps the rewards when the refund comes after the hold period', async () => {
      const { code } = await createScheme(app, { holdDays: 14 });
      const email = friendEmail();
      const order = purchase(email, { code: code.code });
      const bought = await send(order);
      await db.query(
        `UPDATE referrals SET qualified_at = now() - interval '15 days' WHERE id = $1`,
        [bought.json().referralId],
      );
      const refund = await send({
        ...purchase(email),
        type: 'refund',
        orderId: order['orderId'],
      });
      expect(refund.json().outcome).toBe('refund_after_hold');
      const rewards = await rewardsOf(bought.json().referralId);
      expect(rewards.map((r) => r.state)).toEqual(['pending', 'pending']);
    });
  });

  describe('tiers', () => {
    it("counts qualified referrals and weighs their quality: refunds, repeat purchases and friends' NPS", async () => {
      const { code, programme, referrer, advocateToken } = await createScheme(
        app,
        { holdDays: 14 },
      );
      await db.getRepository(RewardTier).save([
        {
          programmeId: programme.id,
          name: 'Silver',
          rank: 1,
          minQualifiedReferrals: 2,
          bonus: { type: 'points', amount: 1000, currency: null },
        },
        {
          programmeId: programme.id,
          name: 'Gold',
          rank: 2,
          minQualifiedReferrals: 2,
          maxRefundRate: 0.25,
          minRepeatPurchaseShare: 0.5,
          minFriendAverageNps: 8,
        },
      ]);
      const friends = [friendEmail(), friendEmail(), friendEmail()];
      const orders = friends.map((email) =>
        purchase(email, { code: code.code }),
      );
      for (const order of orders) await send(order);
      // One friend buys again, one refunds after the hold, one answers a survey.
      await send(purchase(friends[0]));
      // TypeORM answers an UPDATE with [rows, affected].
      const [, moved] = await db.query(
        `UPDATE referrals SET qualified_at = now() - interval '15 days'
          WHERE friend_customer_id = (SELECT id FROM customers WHERE email = $1) RETURNING id`,
        [friends[2]],
      );
      expect(moved).toBe(1);
      await send({
        ...purchase(friends[2]),
        type: 'refund',
        orderId: orders[2]['orderId'],
      });
      const survey = await db.query(
        `INSERT INTO surveys (kind, name, question) VALUES ('nps', 'Friends', 'Recommend?') RETURNING id`,
      );
      await db.query(
        `INSERT INTO survey_responses (survey_id, customer_id, kind, score, channel, responded_at)
         SELECT $1, id, 'nps', 9, 'portal', now() FROM customers WHERE email = $2`,
        [survey[0].id, friends[1]],
      );

      const tierOf = async () => {
        const wallet = await app.inject({
          method: 'GET',
          url: '/api/v1/rewards/wallet',
          headers: { authorization: `Bearer ${advocateToken}` },
        });
        return wallet
          .json()
          .tiers.find(
            (t: { programmeId: string }) => t.programmeId === programme.id,
          );
      };
      const tier = await tierOf();
      expect(tier).toMatchObject({
        current: { name: 'Silver' },
        next: { name: 'Gold' },
        qualifiedReferrals: 3,
      });
      const texts = tier.next.requirements.map((r: { text: string }) => r.text);
      expect(texts).toEqual([
        '2 qualified referrals reached',
        'Refund rate of referred friends at most 25% (now 33%)',
        'At least 50% of friends buy again (now 33%)',
        "Friends' average score at least 8 (now 9.0)",
      ]);
      const bonuses = await db.query(
        `SELECT count(*)::int AS n FROM rewards WHERE customer_id = $1 AND source = 'tier_bonus'`,
        [referrer.id],
      );
      expect(bonuses[0].n).toBe(1);
    });
  });
});
