import {
  FormBuilder,
  NonNullableFormBuilder,
  Validators,
} from '@angular/forms';
import {
  AttributionModelName,
  DEFAULT_FRAUD_RULES,
  FRAUD_RULE_NAMES,
  FraudRuleMode,
  FraudRuleName,
  ProgrammeCurrency,
  ProgrammeRequest,
  ProgrammeReward,
  ProgrammeSummary,
  RewardType,
} from '@advocacy/shared';

export const FRAUD_RULE_LABELS: Record<FraudRuleName, string> = {
  self_referral: 'Self-referral',
  same_device: 'Same device',
  ip_and_agent: 'Same IP and browser',
  velocity: 'Velocity',
  disposable_email: 'Disposable email',
};

const URL_PATTERN = /^https?:\/\/\S+$/i;

function rewardGroup(
  fb: NonNullableFormBuilder,
  reward?: ProgrammeReward | null,
) {
  return fb.group({
    type: [reward?.type ?? ('store_credit' as RewardType), Validators.required],
    amount: [reward?.amount ?? 1000, [Validators.required, Validators.min(0)]],
    currency: [
      reward?.currency ?? ('USD' as ProgrammeCurrency),
      Validators.required,
    ],
    description: [reward?.description ?? ''],
  });
}

/** The programme form; its shape mirrors `ProgrammeRequest`, so server errors land on the right field. */
export function programmeForm(fb: FormBuilder, p?: ProgrammeSummary | null) {
  const nn = fb.nonNullable;
  const rules = p?.fraudRules ?? DEFAULT_FRAUD_RULES;
  const modes = Object.fromEntries(
    FRAUD_RULE_NAMES.map((name) => [
      name,
      [rules.modes[name] as FraudRuleMode],
    ]),
  ) as Record<FraudRuleName, [FraudRuleMode]>;
  return nn.group({
    name: [p?.name ?? '', [Validators.required, Validators.maxLength(120)]],
    slug: [
      p?.slug ?? '',
      [
        Validators.required,
        Validators.pattern(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/),
      ],
    ],
    landingUrl: [
      p?.landingUrl ?? 'https://',
      [Validators.required, Validators.pattern(URL_PATTERN)],
    ],
    attributionWindowDays: [
      p?.attributionWindowDays ?? 30,
      [Validators.required, Validators.min(1), Validators.max(365)],
    ],
    attributionModel: [
      p?.attributionModel ?? ('last_click' as AttributionModelName),
    ],
    eligibleSegments: [p?.eligibleSegments ?? ([] as string[])],
    referrerReward: rewardGroup(nn, p?.referrerReward),
    hasFriendReward: [p ? p.friendReward !== null : true],
    friendReward: rewardGroup(nn, p?.friendReward),
    minPurchaseMinor: [
      p?.minPurchaseMinor ?? 0,
      [Validators.required, Validators.min(0)],
    ],
    holdDays: [
      p?.holdDays ?? 30,
      [Validators.required, Validators.min(0), Validators.max(365)],
    ],
    fraudRules: nn.group({
      velocityPerIpPerDay: [
        rules.velocityPerIpPerDay,
        [Validators.required, Validators.min(1)],
      ],
      velocityPerAdvocatePerDay: [
        rules.velocityPerAdvocatePerDay,
        [Validators.required, Validators.min(1)],
      ],
      modes: nn.group(modes),
    }),
  });
}

export type ProgrammeForm = ReturnType<typeof programmeForm>;
export type ProgrammeFormValue = ReturnType<ProgrammeForm['getRawValue']>;

function cleanReward(
  reward: ProgrammeFormValue['referrerReward'],
): ProgrammeReward {
  const description = reward.description.trim();
  return {
    type: reward.type,
    amount: Number(reward.amount),
    currency: reward.currency,
    ...(description ? { description } : {}),
  };
}

export function toProgrammeRequest(
  value: ProgrammeFormValue,
): ProgrammeRequest {
  return {
    name: value.name.trim(),
    slug: value.slug.trim(),
    landingUrl: value.landingUrl.trim(),
    attributionWindowDays: Number(value.attributionWindowDays),
    attributionModel: value.attributionModel,
    eligibleSegments: value.eligibleSegments,
    referrerReward: cleanReward(value.referrerReward),
    friendReward: value.hasFriendReward
      ? cleanReward(value.friendReward)
      : null,
    minPurchaseMinor: Number(value.minPurchaseMinor),
    currency: value.referrerReward.currency,
    holdDays: Number(value.holdDays),
    fraudRules: {
      velocityPerIpPerDay: Number(value.fraudRules.velocityPerIpPerDay),
      velocityPerAdvocatePerDay: Number(
        value.fraudRules.velocityPerAdvocatePerDay,
      ),
      modes: value.fraudRules.modes,
    },
  };
}
