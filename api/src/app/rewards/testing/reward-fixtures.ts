import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReferralProgramme } from '../../referrals/entities/referral-programme.entity';
import { GrantInput } from '../reward-ledger.service';
import { RewardsService } from '../rewards.service';
import { Reward } from '../entities/reward.entity';

/** A programme row inserted directly (the referrals feature owns its CRUD). */
export async function createProgramme(
  app: INestApplicationContext,
  overrides: Partial<ReferralProgramme> = {},
) {
  return app
    .get(DataSource)
    .getRepository(ReferralProgramme)
    .save({
      name: `Programme ${randomUUID().slice(0, 8)}`,
      slug: `p-${randomUUID()}`,
      status: 'active',
      landingUrl: 'https://brand.example/',
      referrerReward: { type: 'points', amount: 500, currency: null },
      currency: 'USD',
      holdDays: 0,
      ...overrides,
    });
}

/** Grants through the public service API, in its own transaction. */
export async function grantReward(
  app: INestApplicationContext,
  customerId: string,
  input: Partial<GrantInput> = {},
): Promise<Reward> {
  const db = app.get(DataSource);
  const { reward } = await db.transaction((manager) =>
    app.get(RewardsService).grant(manager, {
      customerId,
      type: 'points',
      points: 100,
      source: 'manual',
      sourceRef: randomUUID(),
      holdDays: 0,
      reason: 'Test reward',
      ...input,
    }),
  );
  return reward;
}

export async function ledgerCounts(
  app: INestApplicationContext,
  customerId: string,
) {
  const rows: { rewards: string; transitions: string; claimed: string }[] =
    await app.get(DataSource).query(
      `SELECT (SELECT count(*) FROM rewards WHERE customer_id = $1) AS rewards,
            (SELECT count(*) FROM reward_transitions t JOIN rewards r ON r.id = t.reward_id WHERE r.customer_id = $1) AS transitions,
            (SELECT count(*) FROM rewards WHERE customer_id = $1 AND state <> 'available' AND state <> 'pending') AS claimed`,
      [customerId],
    );
  return rows[0];
}
