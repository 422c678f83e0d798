import { TierRequirement } from '../contracts/rewards';

export type TierDowngradeRule = 'keep' | 'recompute';

export interface TierRule {
  id: string;
  name: string;
  rank: number;
  minQualifiedReferrals: number;
  /** 0–1; null means no limit. */
  maxRefundRate: number | null;
  /** 0–1; null means no requirement. */
  minRepeatPurchaseShare: number | null;
  /** 0–10; null means no requirement. */
  minFriendAverageNps: number | null;
  downgrade: TierDowngradeRule;
}

/** Stats of one advocate's referrals; null when the source cannot measure it yet. */
export interface ReferralQualityStats {
  qualified: number;
  refundRate: number | null;
  repeatPurchaseShare: number | null;
  friendAverageNps: number | null;
}

export interface TierEvaluation {
  current: TierRule | null;
  next: TierRule | null;
  nextRequirements: TierRequirement[];
  /** 0–1 towards the next tier's referral count. */
  progress: number;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

export function tierRequirements(
  tier: TierRule,
  stats: ReferralQualityStats,
): TierRequirement[] {
  const missing = Math.max(0, tier.minQualifiedReferrals - stats.qualified);
  const requirements: TierRequirement[] = [
    {
      metric: 'qualified_referrals',
      met: missing === 0,
      text:
        missing === 0
          ? `${tier.minQualifiedReferrals} qualified referrals reached`
          : `${missing} more qualified referral${missing === 1 ? '' : 's'}`,
    },
  ];
  if (tier.maxRefundRate !== null) {
    const met =
      stats.refundRate !== null && stats.refundRate <= tier.maxRefundRate;
    requirements.push({
      metric: 'refund_rate',
      met,
      text:
        stats.refundRate === null
          ? `Refund rate of referred friends at most ${percent(tier.maxRefundRate)} (not measured yet)`
          : `Refund rate of referred friends at most ${percent(tier.maxRefundRate)} (now ${percent(stats.refundRate)})`,
    });
  }
  if (tier.minRepeatPurchaseShare !== null) {
    const met =
      stats.repeatPurchaseShare !== null &&
      stats.repeatPurchaseShare >= tier.minRepeatPurchaseShare;
    requirements.push({
      metric: 'repeat_purchase_share',
      met,
      text:
        stats.repeatPurchaseShare === null
          ? `At least ${percent(tier.minRepeatPurchaseShare)} of friends buy again (not measured yet)`
          : `At least ${percent(tier.minRepeatPurchaseShare)} of friends buy again (now ${percent(stats.repeatPurchaseShare)})`,
    });
  }
  if (tier.minFriendAverageNps !== null) {
    const met =
      stats.friendAverageNps !== null &&
      stats.friendAverageNps >= tier.minFriendAverageNps;
    requirements.push({
      metric: 'friend_average_nps',
      met,
      text:
        stats.friendAverageNps === null
          ? `Friends' average score at least ${tier.minFriendAverageNps} (not measured yet)`
          : `Friends' average score at least ${tier.minFriendAverageNps} (now ${stats.friendAverageNps.toFixed(1)})`,
    });
  }
  return requirements;
}

export function qualifiesFor(
  tier: TierRule,
  stats: ReferralQualityStats,
): boolean {
  return tierRequirements(tier, stats).every((requirement) => requirement.met);
}

/**
 * The advocate's tier: the highest one whose requirements hold now, or, when the rule of the
 * highest tier reached before says `keep`, never lower than that one.
 */
export function evaluateTier(
  tiers: readonly TierRule[],
  stats: ReferralQualityStats | ((tier: TierRule) => ReferralQualityStats),
  highestReachedRank: number | null = null,
): TierEvaluation {
  // Tiers may count over different windows, so stats can be given per tier.
  const statsOf = typeof stats === 'function' ? stats : () => stats;
  const ordered = [...tiers].sort((a, b) => a.rank - b.rank);
  let current: TierRule | null = null;
  for (const tier of ordered)
    if (qualifiesFor(tier, statsOf(tier))) current = tier;
  const kept = ordered.find(
    (tier) => tier.rank === highestReachedRank && tier.downgrade === 'keep',
  );
  if (kept && (current === null || kept.rank > current.rank)) current = kept;
  const next =
    ordered.find(
      (tier) => tier.rank > (current?.rank ?? Number.NEGATIVE_INFINITY),
    ) ?? null;
  const nextStats = next ? statsOf(next) : null;
  const progress =
    next === null || nextStats === null || next.minQualifiedReferrals <= 0
      ? 1
      : Math.min(1, nextStats.qualified / next.minQualifiedReferrals);
  return {
    current,
    next,
    nextRequirements:
      next && nextStats ? tierRequirements(next, nextStats) : [],
    progress,
  };
}
