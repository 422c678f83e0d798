import { evaluateTier, ReferralQualityStats, TierRule } from './tier-rules';

const tier = (
  rank: number,
  min: number,
  extra: Partial<TierRule> = {},
): TierRule => ({
  id: `t${rank}`,
  name: `Tier ${rank}`,
  rank,
  minQualifiedReferrals: min,
  maxRefundRate: null,
  minRepeatPurchaseShare: null,
  minFriendAverageNps: null,
  downgrade: 'recompute',
  ...extra,
});
const stats = (
  qualified: number,
  extra: Partial<ReferralQualityStats> = {},
): ReferralQualityStats => ({
  qualified,
  refundRate: null,
  repeatPurchaseShare: null,
  friendAverageNps: null,
  ...extra,
});

describe('evaluateTier', () => {
  const tiers = [tier(2, 5), tier(1, 1), tier(3, 10)];

  it('picks the highest tier met and says what the next one needs', () => {
    const result = evaluateTier(tiers, stats(3));
    expect(result.current?.rank).toBe(1);
    expect(result.next?.rank).toBe(2);
    expect(result.nextRequirements).toEqual([
      {
        metric: 'qualified_referrals',
        met: false,
        text: '2 more qualified referrals',
      },
    ]);
    expect(result.progress).toBeCloseTo(0.6);
  });

  it('has no tier below the first threshold and full progress at the top', () => {
    expect(evaluateTier(tiers, stats(0)).current).toBeNull();
    const top = evaluateTier(tiers, stats(12));
    expect(top.current?.rank).toBe(3);
    expect(top.next).toBeNull();
    expect(top.progress).toBe(1);
  });

  it('holds a tier back when a quality threshold fails or is not measured', () => {
    const quality = [
      tier(1, 2, { maxRefundRate: 0.1, minFriendAverageNps: 8 }),
    ];
    expect(
      evaluateTier(quality, stats(5, { refundRate: 0.2, friendAverageNps: 9 }))
        .current,
    ).toBeNull();
    expect(
      evaluateTier(quality, stats(5, { refundRate: 0.05 })).current,
    ).toBeNull();
    expect(
      evaluateTier(
        quality,
        stats(5, { refundRate: 0.05, friendAverageNps: 8.5 }),
      ).current?.rank,
    ).toBe(1);
    const needs = evaluateTier(
      quality,
      stats(5, { refundRate: 0.2 }),
    ).nextRequirements;
    expect(
      needs
        .filter((requirement) => !requirement.met)
        .map((requirement) => requirement.metric),
    ).toEqual(['refund_rate', 'friend_average_nps']);
  });

  it('keeps a reached tier under the keep rule and drops it under recompute', () => {
    const keep = [tier(1, 1), tier(2, 5, { downgrade: 'keep' })];
    expect(evaluateTier(keep, stats(2), 2).current?.rank).toBe(2);
    const recompute = [tier(1, 1), tier(2, 5)];
    expect(evaluateTier(recompute, stats(2), 2).current?.rank).toBe(1);
  });
});
