import { FormBuilder, Validators } from '@angular/forms';
import {
  UgcCampaignRequest,
  UgcCampaignStatus,
  UgcCampaignSummary,
  UgcRewardType,
} from '@advocacy/shared';

export type RewardChoice = UgcRewardType | 'none';

export function campaignForm(
  fb: FormBuilder,
  existing: UgcCampaignSummary | null,
) {
  const reward = existing?.reward ?? null;
  return fb.nonNullable.group({
    name: [
      existing?.name ?? '',
      [Validators.required, Validators.maxLength(120)],
    ],
    guidelines: [
      existing?.guidelines ?? '',
      [Validators.required, Validators.maxLength(4000)],
    ],
    prompts: [(existing?.prompts ?? []).join('\n')],
    hashtags: [(existing?.hashtags ?? []).map((tag) => `#${tag}`).join(' ')],
    startsAt: [
      toDateInput(existing?.startsAt ?? new Date().toISOString()),
      Validators.required,
    ],
    endsAt: [existing?.endsAt ? toDateInput(existing.endsAt) : ''],
    eligibleSegments: [existing?.eligibleSegments ?? ([] as string[])],
    status: [existing?.status ?? ('active' as UgcCampaignStatus)],
    publicLinkEnabled: [existing?.publicLinkEnabled ?? true],
    rewardType: [(reward?.type ?? 'none') as RewardChoice],
    rewardAmount: [reward?.amount ?? (null as number | null)],
    rewardCurrency: [reward?.currency ?? 'USD'],
    rewardDescription: [reward?.description ?? ''],
    rewardHoldDays: [reward?.holdDays ?? 0],
  });
}

export type CampaignFormValue = ReturnType<
  ReturnType<typeof campaignForm>['getRawValue']
>;

/** `2026-11-24` for a date input, in UTC like the API. */
export function toDateInput(iso: string): string {
  return iso.slice(0, 10);
}

/** Money is typed in major units (5.00) and sent in minor units (500). */
export function toCampaignRequest(
  value: CampaignFormValue,
): UgcCampaignRequest {
  const money = value.rewardType !== 'points' && value.rewardType !== 'perk';
  return {
    name: value.name.trim(),
    guidelines: value.guidelines.trim(),
    prompts: value.prompts
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    hashtags: value.hashtags
      .split(/[\s,]+/)
      .map((tag) => tag.trim().replace(/^#/, ''))
      .filter(Boolean),
    startsAt: `${value.startsAt}T00:00:00.000Z`,
    endsAt: value.endsAt ? `${value.endsAt}T23:59:59.000Z` : null,
    eligibleSegments: value.eligibleSegments,
    status: value.status,
    publicLinkEnabled: value.publicLinkEnabled,
    reward:
      value.rewardType === 'none'
        ? null
        : {
            type: value.rewardType,
            amount:
              value.rewardType === 'perk' || value.rewardAmount === null
                ? null
                : money
                  ? Math.round(value.rewardAmount * 100)
                  : Math.round(value.rewardAmount),
            currency: money ? value.rewardCurrency : null,
            description: value.rewardDescription.trim() || undefined,
            holdDays: value.rewardHoldDays,
          },
  };
}

/** Server field names that sit under a different control here. */
export const CAMPAIGN_FIELD_CONTROLS: Record<string, string> = {
  'reward.amount': 'rewardAmount',
  'reward.currency': 'rewardCurrency',
  'reward.type': 'rewardType',
  'reward.holdDays': 'rewardHoldDays',
  'reward.description': 'rewardDescription',
};
