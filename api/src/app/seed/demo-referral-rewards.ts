import { REFERRAL_REASONS } from '@advocacy/shared';
import { DataSource } from 'typeorm';
import { ReferralProgramme } from '../referrals/entities/referral-programme.entity';
import { referralGrants } from '../referrals/referral-records/referral-lifecycle.service';
import { RewardsService } from '../rewards/rewards.service';

const DEMO_PROGRAMME_SLUG = 'give-10-get-10';

interface QualifiedReferral {
  id: string;
  referrer_customer_id: string;
  friend_customer_id: string;
  friend_email: string;
  status: string;
}

/**
 * The rewards the demo's qualified referrals earned, granted through the ledger as a real
 * qualification would, then dated back to when each friend bought: holds that have ended are
 * released, and refunded referrals are reversed. Skipped once the programme has referral rewards.
 */
export async function seedDemoReferralRewards(
  db: DataSource,
  rewards: RewardsService,
): Promise<void> {
  const programme = await db
    .getRepository(ReferralProgramme)
    .findOneBy({ slug: DEMO_PROGRAMME_SLUG });
  if (!programme) return;
  const [{ count }]: { count: number }[] = await db.query(
    `SELECT count(*)::int AS count FROM rewards WHERE programme_id = $1 AND source = 'referral'`,
    [programme.id],
  );
  if (count > 0) return;
  const referrals: QualifiedReferral[] = await db.query(
    `SELECT r.id, r.referrer_customer_id, r.friend_customer_id, c.email AS friend_email, r.status
       FROM referrals r JOIN customers c ON c.id = r.friend_customer_id
      WHERE r.programme_id = $1 AND r.qualified_at IS NOT NULL
      ORDER BY r.qualified_at`,
    [programme.id],
  );
  for (const referral of referrals) {
    await db.transaction(async (manager) => {
      const grants = referralGrants(
        {
          id: referral.id,
          referrerCustomerId: referral.referrer_customer_id,
          friendCustomerId: referral.friend_customer_id,
        },
        programme,
        referral.friend_email,
      );
      for (const grant of grants) await rewards.grant(manager, grant);
      await manager.query(
        `UPDATE rewards w SET created_at = r.qualified_at,
                available_at = r.qualified_at + make_interval(days => $2)
           FROM referrals r WHERE r.id = $1 AND w.source = 'referral' AND w.source_ref = $1::text`,
        [referral.id, programme.holdDays],
      );
      await manager.query(
        `UPDATE reward_transitions t SET at = r.qualified_at
           FROM rewards w, referrals r
          WHERE r.id = $1 AND w.source = 'referral' AND w.source_ref = $1::text AND t.reward_id = w.id`,
        [referral.id],
      );
      if (referral.status === 'reversed')
        await rewards.reverse(manager, {
          source: 'referral',
          sourceRef: referral.id,
          reason: REFERRAL_REASONS.refunded,
        });
    });
  }
  await rewards.releaseDueHolds(10_000);
}
