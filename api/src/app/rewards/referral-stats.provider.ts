import { ReferralQualityStats } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Where tier evaluation reads an advocate's referral stats (count and quality). */
export abstract class ReferralStatsProvider {
  abstract statsFor(
    manager: EntityManager,
    customerId: string,
    programmeId: string,
    windowDays: number | null,
  ): Promise<ReferralQualityStats>;
}

interface StatsRow {
  qualified: string;
  purchased: string;
  refunded: string;
  repeat: string;
  friend_nps: string | null;
}

/**
 * Read from the referrals themselves: a qualified referral is one whose friend's first purchase
 * qualified and was not reversed; quality looks at every friend who ever qualified (refunds after
 * the hold count too), their repeat purchases, and the mean of their latest NPS scores. A quality
 * with nothing to measure yet is null, so tiers that need it say "not measured yet".
 */
@Injectable()
export class SqlReferralStatsProvider extends ReferralStatsProvider {
  async statsFor(
    manager: EntityManager,
    customerId: string,
    programmeId: string,
    windowDays: number | null,
  ): Promise<ReferralQualityStats> {
    const rows: StatsRow[] = await manager.query(
      `WITH purchased AS (
         SELECT r.status, r.refunded_at, r.friend_customer_id FROM referrals r
          WHERE r.referrer_customer_id = $1 AND r.programme_id = $2 AND r.qualified_at IS NOT NULL
            AND ($3::int IS NULL OR r.qualified_at >= now() - make_interval(days => $3)))
       SELECT count(*) FILTER (WHERE p.status = 'qualified') AS qualified,
              count(*) AS purchased,
              count(*) FILTER (WHERE p.refunded_at IS NOT NULL) AS refunded,
              count(*) FILTER (WHERE c.purchase_count >= 2) AS repeat,
              avg(latest.score) AS friend_nps
         FROM purchased p
         JOIN customers c ON c.id = p.friend_customer_id
         LEFT JOIN LATERAL (SELECT sr.score FROM survey_responses sr
                             WHERE sr.customer_id = p.friend_customer_id AND sr.kind = 'nps'
                             ORDER BY sr.responded_at DESC LIMIT 1) latest ON true`,
      [customerId, programmeId, windowDays],
    );
    const row = rows[0];
    const purchased = Number(row.purchased);
    return {
      qualified: Number(row.qualified),
      refundRate: purchased > 0 ? Number(row.refunded) / purchased : null,
      repeatPurchaseShare:
        purchased > 0 ? Number(row.repeat) / purchased : null,
      friendAverageNps: row.friend_nps === null ? null : Number(row.friend_nps),
    };
  }
}
