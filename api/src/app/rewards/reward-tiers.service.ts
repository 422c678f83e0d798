import {
  evaluateTier,
  ReferralQualityStats,
  TierProgress,
  TierRule,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReferralProgramme } from '../referrals/entities/referral-programme.entity';
import { RewardTier } from './entities/reward-tier.entity';
import { RewardLedgerService } from './reward-ledger.service';
import { ReferralStatsProvider } from './referral-stats.provider';

interface Evaluation {
  tiers: RewardTier[];
  result: ReturnType<typeof evaluateTier>;
  qualified: number;
}

/** Tier standing per programme, and the once-only bonus when an advocate first reaches a tier. */
@Injectable()
export class RewardTiersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stats: ReferralStatsProvider,
    private readonly ledger: RewardLedgerService,
  ) {}

  /** Records newly reached tiers and grants each one's bonus once (unique per customer and tier). */
  async applyUpgrades(
    manager: EntityManager,
    customerId: string,
    programmeId: string,
  ): Promise<string[]> {
    const evaluation = await this.evaluate(manager, customerId, programmeId);
    const current = evaluation.result.current;
    if (!current) return [];
    const reached = evaluation.tiers.filter(
      (tier) => tier.rank <= current.rank,
    );
    const awarded: string[] = [];
    for (const tier of reached) {
      const inserted: { tier_id: string }[] = await manager.query(
        `INSERT INTO reward_tier_awards (customer_id, tier_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING tier_id`,
        [customerId, tier.id],
      );
      if (inserted.length === 0) continue;
      awarded.push(tier.id);
      if (!tier.bonus || tier.bonus.amount === null) continue;
      await this.ledger.grant(manager, {
        customerId,
        programmeId,
        type: tier.bonus.type,
        amountMinor: tier.bonus.amount,
        points: tier.bonus.amount,
        currency: tier.bonus.currency,
        couponPoolId: tier.bonus.couponPoolId ?? null,
        source: 'tier_bonus',
        sourceRef: tier.id,
        holdDays: 0,
        reason: `Bonus for reaching ${tier.name}`,
      });
    }
    return awarded;
  }

  async progressFor(customerId: string): Promise<TierProgress[]> {
    const programmes: Pick<ReferralProgramme, 'id' | 'name'>[] =
      await this.db.query(
        `SELECT p.id, p.name FROM referral_programmes p WHERE EXISTS (SELECT 1 FROM reward_tiers t WHERE t.programme_id = p.id)
        ORDER BY p.name LIMIT 20`,
      );
    const progress: TierProgress[] = [];
    for (const programme of programmes) {
      const { result, qualified } = await this.evaluate(
        this.db.manager,
        customerId,
        programme.id,
      );
      progress.push({
        programmeId: programme.id,
        programmeName: programme.name,
        current: result.current
          ? {
              id: result.current.id,
              name: result.current.name,
              rank: result.current.rank,
            }
          : null,
        next: result.next
          ? {
              id: result.next.id,
              name: result.next.name,
              rank: result.next.rank,
              requirements: result.nextRequirements,
            }
          : null,
        qualifiedReferrals: qualified,
        progress: result.progress,
      });
    }
    return progress;
  }

  private async evaluate(
    manager: EntityManager,
    customerId: string,
    programmeId: string,
  ): Promise<Evaluation> {
    const tiers = await manager
      .getRepository(RewardTier)
      .find({ where: { programmeId }, order: { rank: 'ASC' } });
    const byWindow = new Map<number | null, ReferralQualityStats>();
    for (const tier of tiers) {
      if (!byWindow.has(tier.windowDays))
        byWindow.set(
          tier.windowDays,
          await this.stats.statsFor(
            manager,
            customerId,
            programmeId,
            tier.windowDays,
          ),
        );
    }
    const reached: { rank: number | null }[] = await manager.query(
      `SELECT max(t.rank) AS rank FROM reward_tier_awards a JOIN reward_tiers t ON t.id = a.tier_id
        WHERE a.customer_id = $1 AND t.programme_id = $2`,
      [customerId, programmeId],
    );
    const windowOf = new Map(tiers.map((tier) => [tier.id, tier.windowDays]));
    const empty: ReferralQualityStats = {
      qualified: 0,
      refundRate: null,
      repeatPurchaseShare: null,
      friendAverageNps: null,
    };
    const statsOf = (tier: TierRule) =>
      byWindow.get(windowOf.get(tier.id) ?? null) ?? empty;
    const result = evaluateTier(tiers, statsOf, reached[0]?.rank ?? null);
    const next = result.next ?? result.current;
    return { tiers, result, qualified: next ? statsOf(next).qualified : 0 };
  }
}
