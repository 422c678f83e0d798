import { ReferralQualityStats } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Where tier evaluation reads an advocate's referral stats. The referrals feature will provide the
 * real one (qualified referrals plus the friends' refund rate, repeat purchases and NPS).
 */
export abstract class ReferralStatsProvider {
  abstract statsFor(
    manager: EntityManager,
    customerId: string,
    programmeId: string,
    windowDays: number | null,
  ): Promise<ReferralQualityStats>;
}

/**
 * Until then: a qualified referral is a referral reward that was not undone, counted from the
 * ledger. Quality stats are unknown (null), so tiers with quality thresholds stay out of reach
 * and say "not measured yet" rather than pretend.
 */
@Injectable()
export class LedgerReferralStatsProvider extends ReferralStatsProvider {
  async statsFor(
    manager: EntityManager,
    customerId: string,
    programmeId: string,
    windowDays: number | null,
  ): Promise<ReferralQualityStats> {
    const rows: { qualified: string }[] = await manager.query(
      `SELECT count(*) AS qualified FROM rewards
        WHERE customer_id = $1 AND programme_id = $2 AND source = 'referral'
          AND state NOT IN ('reversed', 'rejected')
          AND ($3::int IS NULL OR created_at >= now() - make_interval(days => $3))`,
      [customerId, programmeId, windowDays],
    );
    return {
      qualified: Number(rows[0].qualified),
      refundRate: null,
      repeatPurchaseShare: null,
      friendAverageNps: null,
    };
  }
}
