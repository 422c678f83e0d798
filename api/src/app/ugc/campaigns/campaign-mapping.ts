import {
  describeUgcReward,
  UgcCampaignSummary,
  UgcOpenCampaign,
} from '@advocacy/shared';
import { UgcCampaign } from '../entities/ugc-campaign.entity';

export interface CampaignCounts {
  submissions: number;
  pending: number;
}

/** Portal route of the public testimonial page (public pages live at the portal's root). */
export const testimonialPath = (token: string) => `/t/${token}`;

export function toCampaignSummary(
  campaign: UgcCampaign,
  counts: CampaignCounts = { submissions: 0, pending: 0 },
): UgcCampaignSummary {
  return {
    id: campaign.id,
    name: campaign.name,
    guidelines: campaign.guidelines,
    prompts: campaign.prompts,
    hashtags: campaign.hashtags,
    startsAt: campaign.startsAt.toISOString(),
    endsAt: campaign.endsAt?.toISOString() ?? null,
    eligibleSegments: campaign.eligibleSegments,
    reward: campaign.reward,
    status: campaign.status,
    publicLinkEnabled: campaign.publicLinkEnabled,
    publicPath: campaign.publicLinkEnabled
      ? testimonialPath(campaign.publicToken)
      : null,
    submissionCount: counts.submissions,
    pendingCount: counts.pending,
    createdAt: campaign.createdAt.toISOString(),
  };
}

/** Public-link submitters own no portal account, so the reward (and its note) is for advocates only. */
export function toOpenCampaign(
  campaign: UgcCampaign,
  audience: 'advocate' | 'link' = 'advocate',
): UgcOpenCampaign {
  const reward = audience === 'advocate' ? campaign.reward : null;
  return {
    id: campaign.id,
    name: campaign.name,
    guidelines: campaign.guidelines,
    prompts: campaign.prompts,
    hashtags: campaign.hashtags,
    endsAt: campaign.endsAt?.toISOString() ?? null,
    rewardDescription: reward ? describeUgcReward(reward) : null,
    incentivised: reward !== null,
  };
}

/** Open means active and inside its dates. */
export function isOpen(campaign: UgcCampaign, now = new Date()): boolean {
  return (
    campaign.status === 'active' &&
    campaign.startsAt <= now &&
    (campaign.endsAt === null || campaign.endsAt > now)
  );
}
