import { SegmentNpsCategory } from '../segments/segment-rules';

/** Who may apply; every rule left empty or null lets everyone through. */
export interface EligibilityRules {
  /** Segment keys (current segment); empty = any segment. */
  segments: string[];
  /** NPS categories of the latest answer; empty = any. */
  npsCategories: Exclude<SegmentNpsCategory, 'unknown'>[];
  minQualifiedReferrals: number;
  /** Latest NPS score (0–10) at least this; null = no rule. */
  minNps: number | null;
  /** Customer for at least this many days; 0 = no rule. */
  minCustomerDays: number;
}

export interface AutoApproveRules {
  enabled: boolean;
  /** Applications scoring at least this are approved at once (capacity permitting). */
  minScore: number;
}

export const DEFAULT_ELIGIBILITY: EligibilityRules = {
  segments: [],
  npsCategories: [],
  minQualifiedReferrals: 0,
  minNps: null,
  minCustomerDays: 0,
};

/** What is known about an applicant when eligibility is checked. */
export interface EligibilityFacts {
  segmentKey: string;
  segmentName: string;
  npsCategory: SegmentNpsCategory;
  lastNps: number | null;
  qualifiedReferrals: number;
  customerDays: number;
}

export interface EligibilityCheck {
  eligible: boolean;
  /** One kind sentence per rule not met, in the applicant's terms. */
  reasons: string[];
}

export function checkEligibility(
  rules: EligibilityRules,
  facts: EligibilityFacts,
  segmentNames: Record<string, string> = {},
): EligibilityCheck {
  const reasons: string[] = [];
  if (rules.segments.length > 0 && !rules.segments.includes(facts.segmentKey)) {
    const names = rules.segments.map((k) => segmentNames[k] ?? k).join(' or ');
    reasons.push(
      `This programme is for our ${names} customers right now, and your account is in ${facts.segmentName}.`,
    );
  }
  if (
    rules.npsCategories.length > 0 &&
    (facts.npsCategory === 'unknown' ||
      !rules.npsCategories.includes(facts.npsCategory))
  ) {
    reasons.push(
      facts.npsCategory === 'unknown'
        ? 'We haven’t heard from you in a survey recently — answering one helps us know you.'
        : `It is open to customers whose latest rating was ${rules.npsCategories.join(' or ')}.`,
    );
  }
  if (facts.qualifiedReferrals < rules.minQualifiedReferrals) {
    const more = rules.minQualifiedReferrals - facts.qualifiedReferrals;
    reasons.push(
      `It asks for ${rules.minQualifiedReferrals} successful referral${rules.minQualifiedReferrals === 1 ? '' : 's'}; ${more} more and you’re there.`,
    );
  }
  if (
    rules.minNps !== null &&
    (facts.lastNps === null || facts.lastNps < rules.minNps)
  ) {
    reasons.push(
      `It asks for a recent recommendation score of ${rules.minNps} or more.`,
    );
  }
  if (facts.customerDays < rules.minCustomerDays) {
    const days = rules.minCustomerDays - facts.customerDays;
    reasons.push(
      `It is for customers of at least ${rules.minCustomerDays} days; you can apply in ${days} day${days === 1 ? '' : 's'}.`,
    );
  }
  return { eligible: reasons.length === 0, reasons };
}

/**
 * Application score, 0–150, used to order a "by score" waitlist and for auto-approval:
 * 10 × the latest NPS score (0–100) plus 5 × qualified referrals, counting at most 10 (0–50).
 * No survey answer counts as 0, so the score never rewards silence.
 */
export function applicationScore(
  facts: Pick<EligibilityFacts, 'lastNps' | 'qualifiedReferrals'>,
): number {
  return (facts.lastNps ?? 0) * 10 + Math.min(facts.qualifiedReferrals, 10) * 5;
}
