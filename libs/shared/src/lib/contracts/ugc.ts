import { SegmentSnapshot } from '../segments/segment-rules';
import { describeReward, ProgrammeCurrency } from './referrals';
import { RewardType } from './rewards';

export const UGC_CAMPAIGN_STATUSES = ['draft', 'active', 'closed'] as const;
export type UgcCampaignStatus = (typeof UGC_CAMPAIGN_STATUSES)[number];

export const UGC_SUBMISSION_STATUSES = [
  'pending',
  'approved',
  'rejected',
] as const;
export type UgcSubmissionStatus = (typeof UGC_SUBMISSION_STATUSES)[number];

/** Where consent lets the brand show a submission. */
export const CONSENT_SCOPES = ['website', 'social', 'ads'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_SCOPE_LABELS: Record<ConsentScope, string> = {
  website: 'Brand website',
  social: 'Social media',
  ads: 'Paid ads',
};

export const DISPLAY_NAME_CHOICES = [
  'full',
  'first_initial',
  'anonymous',
] as const;
export type DisplayNameChoice = (typeof DISPLAY_NAME_CHOICES)[number];

/** The richest media a submission carries, for filtering the queue. */
export const UGC_MEDIA_TYPES = ['text', 'image', 'video', 'social'] as const;
export type UgcMediaType = (typeof UGC_MEDIA_TYPES)[number];

export const UGC_SOURCES = ['portal', 'link'] as const;
export type UgcSource = (typeof UGC_SOURCES)[number];

export const MODERATION_ACTIONS = [
  'approve',
  'reject',
  'feature',
  'unfeature',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** Largest text of a testimonial, in characters. */
export const UGC_TEXT_MAX = 5000;
/** Most images one submission may carry. */
export const UGC_MAX_IMAGES = 4;
export const UGC_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** Coupons need a pool, which belongs to referral programmes; UGC pays in these. */
export const UGC_REWARD_TYPES = [
  'points',
  'store_credit',
  'cash',
  'gift_card',
  'perk',
] as const satisfies readonly RewardType[];
export type UgcRewardType = (typeof UGC_REWARD_TYPES)[number];

/** Reward paid when a submission is approved; it never depends on the rating or the words. */
export interface UgcCampaignReward {
  type: UgcRewardType;
  /** Minor units for money, whole points for points, null for perks. */
  amount: number | null;
  currency: string | null;
  description?: string;
  holdDays: number;
}

export interface UgcCampaignRequest {
  name: string;
  guidelines: string;
  prompts?: string[];
  hashtags?: string[];
  startsAt: string;
  endsAt?: string | null;
  eligibleSegments?: string[];
  reward?: UgcCampaignReward | null;
  status?: UgcCampaignStatus;
  /** Whether people without an account may submit through the public link. */
  publicLinkEnabled?: boolean;
}

export interface UgcCampaignSummary {
  id: string;
  name: string;
  guidelines: string;
  prompts: string[];
  hashtags: string[];
  startsAt: string;
  endsAt: string | null;
  eligibleSegments: string[];
  reward: UgcCampaignReward | null;
  status: UgcCampaignStatus;
  publicLinkEnabled: boolean;
  /** Path of the public testimonial page (portal route), null when the link is off. */
  publicPath: string | null;
  submissionCount: number;
  pendingCount: number;
  createdAt: string;
}

/** What an advocate or a link visitor sees of a campaign. */
export interface UgcOpenCampaign {
  id: string;
  name: string;
  guidelines: string;
  prompts: string[];
  hashtags: string[];
  endsAt: string | null;
  rewardDescription: string | null;
  /** Shown before submitting: approved content from rewarded people carries a disclosure label. */
  incentivised: boolean;
}

export interface UgcConsentView {
  scopes: ConsentScope[];
  displayName: DisplayNameChoice;
  expiresAt: string | null;
  givenAt: string;
  revokedAt: string | null;
  /** True while consent covers at least one scope and has neither been revoked nor expired. */
  active: boolean;
}

export interface UgcMediaView {
  id: string;
  kind: 'image';
  width: number;
  height: number;
  /** Signed, short-lived URLs for staff and owners; plain URLs on public pages. */
  url: string;
  thumbUrl: string;
}

export interface UgcSubmissionView {
  id: string;
  campaignId: string;
  campaignName: string;
  source: UgcSource;
  text: string | null;
  rating: number | null;
  videoUrl: string | null;
  socialUrl: string | null;
  mediaType: UgcMediaType;
  media: UgcMediaView[];
  status: UgcSubmissionStatus;
  /** Shown to the submitter when rejected. */
  rejectionReason: string | null;
  featured: boolean;
  tags: string[];
  /** The part of the words shown on showcases; always a verbatim slice of `text`. */
  excerpt: string | null;
  disclosure: string | null;
  consent: UgcConsentView;
  createdAt: string;
  reviewedAt: string | null;
}

/** A submission as the brand team sees it, with who made it. */
export interface UgcModerationItem extends UgcSubmissionView {
  submitterName: string;
  submitterEmail: string;
  customerId: string | null;
  segmentSnapshot: SegmentSnapshot;
}

export interface UgcModerationQuery {
  page?: number;
  pageSize?: number;
  status?: UgcSubmissionStatus;
  campaignId?: string;
  segmentKey?: string;
  rating?: number;
  mediaType?: UgcMediaType;
}

export interface UgcConsentRequest {
  scopes: ConsentScope[];
  displayName: DisplayNameChoice;
  /** ISO date; empty for no expiry. */
  expiresAt?: string | null;
}

/** The non-file fields of a submission; sent as multipart fields next to `images`. */
export interface UgcSubmissionFields {
  campaignId?: string;
  text?: string;
  rating?: number | null;
  videoUrl?: string;
  socialUrl?: string;
  consentScopes: ConsentScope[];
  displayName: DisplayNameChoice;
  consentExpiresAt?: string | null;
  /** Public link only. */
  name?: string;
  email?: string;
}

export interface ModerateRequest {
  action: ModerationAction;
  /** Required to reject; the submitter sees it. */
  reason?: string;
}

export interface BulkModerateRequest extends ModerateRequest {
  ids: string[];
}

export interface BulkModerateResult {
  updated: string[];
  /** Items the action could not apply to, with why. */
  skipped: { id: string; reason: string }[];
}

export interface UgcTagsRequest {
  tags: string[];
}

export interface UgcExcerptRequest {
  /** A verbatim part of the text, or null for the whole text. */
  excerpt: string | null;
}

export interface UgcShowcaseRequest {
  name: string;
  slug: string;
  description?: string;
  scope: ConsentScope;
  published?: boolean;
  /** Submission ids in display order. */
  submissionIds: string[];
}

export interface UgcShowcaseSummary {
  id: string;
  name: string;
  slug: string;
  description: string;
  scope: ConsentScope;
  published: boolean;
  submissionIds: string[];
  /** How many items are showable right now (approved, consented for the scope, unexpired). */
  visibleCount: number;
  publicPath: string;
  feedUrl: string;
  embedSnippet: string;
  updatedAt: string;
}

/** One testimonial as public pages, the widget and the feed show it. */
export interface PublicTestimonial {
  id: string;
  author: string;
  text: string | null;
  rating: number | null;
  featured: boolean;
  disclosure: string | null;
  videoUrl: string | null;
  socialUrl: string | null;
  images: { url: string; thumbUrl: string; width: number; height: number }[];
  createdAt: string;
}

export interface PublicShowcase {
  name: string;
  slug: string;
  description: string;
  items: PublicTestimonial[];
  aggregate: { ratingCount: number; ratingValue: number | null };
  /** schema.org Review + AggregateRating, already escaped for a `<script>` element. */
  jsonLd: string;
}

export interface UgcWeekRow {
  weekStart: string;
  segmentKey: string;
  submissions: number;
}

export interface UgcSegmentRate {
  segmentKey: string;
  segmentName: string;
  submissions: number;
  approved: number;
  rejected: number;
  /** Approved share of reviewed submissions, 0-1; null when none reviewed. */
  approvalRate: number | null;
  /** Median hours from submission to decision; null when none reviewed. */
  medianReviewHours: number | null;
}

export interface UgcMetrics {
  weeks: string[];
  perWeek: UgcWeekRow[];
  bySegment: UgcSegmentRate[];
}

export const UGC_PATHS = {
  campaigns: 'ugc/campaigns',
  campaign: 'ugc/campaigns/:id',
  openCampaigns: 'ugc/open-campaigns',
  submissions: 'ugc/submissions',
  mine: 'ugc/submissions/mine',
  revokeConsent: 'ugc/submissions/:id/consent/revoke',
  moderation: 'ugc/moderation',
  moderate: 'ugc/moderation/:id',
  bulk: 'ugc/moderation/bulk',
  tags: 'ugc/moderation/:id/tags',
  excerpt: 'ugc/moderation/:id/excerpt',
  staffRevokeConsent: 'ugc/moderation/:id/consent/revoke',
  media: 'ugc/media/:id',
  link: 'ugc/links/:token',
  showcases: 'ugc/showcases',
  showcase: 'ugc/showcases/:id',
  publicShowcase: 'ugc/public/showcases/:slug',
  feed: 'ugc/public/showcases/:slug/feed.json',
  embed: 'ugc/embed/showcase.js',
  metrics: 'ugc/metrics',
} as const;

/** How a submitter's name appears publicly under their display-name choice. */
export function displayNameFor(
  fullName: string,
  choice: DisplayNameChoice,
): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (choice === 'anonymous' || parts.length === 0) return 'Anonymous';
  if (choice === 'full') return parts.join(' ');
  const last = parts.length > 1 ? parts[parts.length - 1] : '';
  return last ? `${parts[0]} ${last.charAt(0).toUpperCase()}.` : parts[0];
}

/** "500 points", "$5.00 store credit": how a campaign reward reads to advocates. */
export function describeUgcReward(reward: UgcCampaignReward): string {
  if (reward.type === 'perk') return reward.description || 'a perk';
  return describeReward({
    type: reward.type,
    amount: reward.amount ?? 0,
    currency: (reward.currency ?? 'USD') as ProgrammeCurrency,
    description: reward.description,
  });
}

/** The JSON feed and widget data: the showcase's own scope, absolute URLs. */
export type ShowcaseFeed = Omit<PublicShowcase, 'jsonLd'> & {
  scope: ConsentScope;
  generatedAt: string;
};
