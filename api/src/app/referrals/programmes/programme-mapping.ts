import {
  DEFAULT_FRAUD_RULES,
  FraudRuleSettings,
  ProgrammeCurrency,
  ProgrammeReward,
  ProgrammeSummary,
} from '@advocacy/shared';
import {
  ReferralProgramme,
  RewardSpec,
} from '../entities/referral-programme.entity';

export function toProgrammeReward(
  spec: RewardSpec,
  fallbackCurrency: string,
): ProgrammeReward {
  return {
    type: spec.type,
    amount: spec.amount ?? 0,
    currency: (spec.currency ?? fallbackCurrency) as ProgrammeCurrency,
    ...(spec.description ? { description: spec.description } : {}),
  };
}

export function toRewardSpec(reward: ProgrammeReward): RewardSpec {
  return {
    type: reward.type,
    amount: reward.amount,
    currency: reward.currency,
    ...(reward.description ? { description: reward.description.trim() } : {}),
  };
}

/** Stored rules may predate a rule; fill what is missing from the defaults. */
export function toFraudRules(
  stored: Record<string, unknown>,
): FraudRuleSettings {
  const partial = stored as Partial<FraudRuleSettings>;
  return {
    velocityPerIpPerDay:
      partial.velocityPerIpPerDay ?? DEFAULT_FRAUD_RULES.velocityPerIpPerDay,
    velocityPerAdvocatePerDay:
      partial.velocityPerAdvocatePerDay ??
      DEFAULT_FRAUD_RULES.velocityPerAdvocatePerDay,
    modes: { ...DEFAULT_FRAUD_RULES.modes, ...(partial.modes ?? {}) },
  };
}

export function toProgrammeSummary(p: ReferralProgramme): ProgrammeSummary {
  return {
    id: p.id,
    name: p.name,
    slug: p.slug,
    status: p.status,
    landingUrl: p.landingUrl,
    attributionWindowDays: p.attributionWindowDays,
    attributionModel: p.attributionModel,
    eligibleSegments: p.eligibleSegments,
    referrerReward: toProgrammeReward(p.referrerReward, p.currency),
    friendReward: p.friendReward
      ? toProgrammeReward(p.friendReward, p.currency)
      : null,
    minPurchaseMinor: p.minPurchaseMinor,
    currency: p.currency,
    holdDays: p.holdDays,
    fraudRules: toFraudRules(p.fraudRules),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
