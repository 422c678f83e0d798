import { NpsCategory } from '../nps';

export type SegmentNpsCategory = NpsCategory | 'unknown';
export const ADVOCACY_LEVELS = ['passive', 'active', 'ambassador'] as const;
export type AdvocacyLevel = (typeof ADVOCACY_LEVELS)[number];
export const LOYALTY_KINDS = [
  'advocacy',
  'attitudinal',
  'behavioural',
  'none',
] as const;
export type LoyaltyKind = (typeof LOYALTY_KINDS)[number];

/** One named segment: every listed condition must hold; an omitted condition matches anything. */
export interface NamedSegmentRule {
  key: string;
  name: string;
  npsCategories?: SegmentNpsCategory[];
  advocacyLevels?: AdvocacyLevel[];
  churnRisk?: boolean;
}

/** Segment rules are data: per programme, with these defaults. */
export interface SegmentRules {
  /** Only a response this recent sets the NPS category. */
  npsWindowDays: number;
  /** An advocacy act (referral, review, UGC) this recent makes an advocate active. */
  activeWindowDays: number;
  /** Purchases that make loyalty behavioural. */
  repeatPurchaseMin: number;
  /** No purchase or advocacy for this long is a churn risk. */
  churnInactiveDays: number;
  /** A fall of this many points between a customer's last two scores is a churn risk. */
  npsDropPoints: number;
  /** First match wins; the last rule should match everyone. */
  segments: NamedSegmentRule[];
}

export const DEFAULT_SEGMENT_RULES: SegmentRules = {
  npsWindowDays: 180,
  activeWindowDays: 90,
  repeatPurchaseMin: 2,
  churnInactiveDays: 180,
  npsDropPoints: 3,
  segments: [
    {
      key: 'champions',
      name: 'Champions',
      npsCategories: ['promoter'],
      advocacyLevels: ['active', 'ambassador'],
    },
    { key: 'promoters', name: 'Promoters', npsCategories: ['promoter'] },
    { key: 'detractors', name: 'Detractors', npsCategories: ['detractor'] },
    { key: 'at-risk', name: 'At risk', churnRisk: true },
    { key: 'passives', name: 'Passives', npsCategories: ['passive'] },
    { key: 'unsurveyed', name: 'Not yet surveyed' },
  ],
};

/** What every referral code, referral, reward, application and UGC submission stores of its advocate. */
export interface SegmentSnapshot {
  segmentKey: string;
  segmentName: string;
  npsCategory: SegmentNpsCategory;
  lastScore: number | null;
  advocacyLevel: AdvocacyLevel;
  loyalty: LoyaltyKind;
  churnRisk: boolean;
  computedAt: string | null;
}

export const UNKNOWN_SEGMENT_SNAPSHOT: SegmentSnapshot = {
  segmentKey: 'unsurveyed',
  segmentName: 'Not yet surveyed',
  npsCategory: 'unknown',
  lastScore: null,
  advocacyLevel: 'passive',
  loyalty: 'none',
  churnRisk: false,
  computedAt: null,
};
