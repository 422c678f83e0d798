import { NpsCategory } from '../nps';
import { SegmentNpsCategory } from '../segments';

export const OUTREACH_PURPOSES = [
  'referral_invitation',
  'ambassador_invitation',
  'testimonial_request',
  'feedback_request',
  'apology_follow_up',
  'public_review_request',
] as const;
export type OutreachPurpose = (typeof OUTREACH_PURPOSES)[number];

/** Who a template is written for; `all` is for messages that go to every segment alike. */
export const TEMPLATE_AUDIENCES = [
  'promoter',
  'passive',
  'detractor',
  'all',
] as const;
export type TemplateAudience = (typeof TEMPLATE_AUDIENCES)[number];

export const OUTREACH_PURPOSE_LABELS: Record<OutreachPurpose, string> = {
  referral_invitation: 'Referral invitation',
  ambassador_invitation: 'Ambassador invitation',
  testimonial_request: 'Testimonial request',
  feedback_request: 'What would make it a 10?',
  apology_follow_up: 'Apology and human follow-up',
  public_review_request: 'Public review request',
};

/** Which segment each purpose is meant for. */
export const PURPOSE_AUDIENCES: Record<
  OutreachPurpose,
  readonly TemplateAudience[]
> = {
  referral_invitation: ['promoter'],
  ambassador_invitation: ['promoter'],
  testimonial_request: ['promoter'],
  feedback_request: ['passive'],
  apology_follow_up: ['detractor'],
  public_review_request: ['all'],
};

/**
 * Service messages (asking for feedback, apologising) need email consent; promotional ones also
 * need marketing consent.
 */
export const MARKETING_PURPOSES: readonly OutreachPurpose[] = [
  'referral_invitation',
  'ambassador_invitation',
  'testimonial_request',
  'public_review_request',
];

export const ALL_NPS_CATEGORIES: readonly NpsCategory[] = [
  'promoter',
  'passive',
  'detractor',
];

export const REVIEW_GATING_MESSAGE =
  'A public review request must go to every segment alike. Asking only happy customers for public reviews ' +
  '("review gating") is forbidden by consumer-protection rules (for example the US FTC rule on consumer ' +
  'reviews and the EU Omnibus Directive) and by review platforms. Send it to promoters, passives and detractors.';

export interface AudienceFilter {
  /** NPS categories to include; empty means everyone. */
  npsCategories: SegmentNpsCategory[];
  /** Named segments to include; empty means any. */
  segmentKeys: string[];
  /** A hand-picked list of customers; empty means the whole filtered population. */
  customerIds: string[];
}

/** Why an audience would gate a public review request, or null when it reaches every segment alike. */
export function reviewGatingProblem(
  purpose: OutreachPurpose,
  audience: AudienceFilter,
): string | null {
  if (purpose !== 'public_review_request') return null;
  const categories = audience.npsCategories;
  const excludesCategory =
    categories.length > 0 &&
    ALL_NPS_CATEGORIES.some((c) => !categories.includes(c));
  if (
    excludesCategory ||
    audience.segmentKeys.length > 0 ||
    audience.customerIds.length > 0
  )
    return REVIEW_GATING_MESSAGE;
  return null;
}

/** The audience that reaches everyone: what the portal offers instead of a gated one. */
export const EVERY_SEGMENT: AudienceFilter = {
  npsCategories: [],
  segmentKeys: [],
  customerIds: [],
};

/** A pragmatic address check (one @, a dotted domain, no spaces); SMTP has the final word. */
export function isDeliverableAddress(email: string): boolean {
  return (
    /^[^\s@"<>(),;:\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(
      email,
    ) && email.length <= 254
  );
}
