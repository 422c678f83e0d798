import { PageQuery } from './pagination';
import { RewardType } from './rewards';

export const REFERRAL_PATHS = {
  programmes: 'referral-programmes',
  programme: 'referral-programmes/:id',
  activate: 'referral-programmes/:id/activate',
  pause: 'referral-programmes/:id/pause',
  my: 'referrals/my',
  myVanity: 'referrals/my/vanity',
  myStats: 'referrals/my/stats',
  myQr: 'referrals/my/qr',
} as const;

export const PROGRAMME_STATUSES = [
  'draft',
  'active',
  'paused',
  'archived',
] as const;
export type ProgrammeStatusName = (typeof PROGRAMME_STATUSES)[number];

export const ATTRIBUTION_MODELS = ['first_click', 'last_click'] as const;
export type AttributionModelName = (typeof ATTRIBUTION_MODELS)[number];

/** The currencies a programme may pay in (ISO 4217). */
export const PROGRAMME_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'JPY',
] as const;
export type ProgrammeCurrency = (typeof PROGRAMME_CURRENCIES)[number];

export const FRAUD_RULE_NAMES = [
  'self_referral',
  'same_device',
  'ip_and_agent',
  'velocity',
  'disposable_email',
] as const;
export type FraudRuleName = (typeof FRAUD_RULE_NAMES)[number];
export const FRAUD_RULE_MODES = ['enforce', 'shadow', 'off'] as const;
export type FraudRuleMode = (typeof FRAUD_RULE_MODES)[number];

export interface FraudRuleSettings {
  velocityPerIpPerDay: number;
  velocityPerAdvocatePerDay: number;
  modes: Record<FraudRuleName, FraudRuleMode>;
}

export const DEFAULT_FRAUD_RULES: FraudRuleSettings = {
  velocityPerIpPerDay: 5,
  velocityPerAdvocatePerDay: 20,
  modes: {
    self_referral: 'enforce',
    same_device: 'enforce',
    ip_and_agent: 'shadow',
    velocity: 'enforce',
    disposable_email: 'shadow',
  },
};

export interface ProgrammeReward {
  type: RewardType;
  /** Minor units for money, whole points for points; 0 for perks and coupons. */
  amount: number;
  currency: ProgrammeCurrency;
  description?: string;
}

export interface ProgrammeRequest {
  name: string;
  slug: string;
  landingUrl: string;
  attributionWindowDays?: number;
  attributionModel?: AttributionModelName;
  eligibleSegments?: string[];
  referrerReward: ProgrammeReward;
  friendReward?: ProgrammeReward | null;
  minPurchaseMinor?: number;
  currency?: ProgrammeCurrency;
  holdDays?: number;
  fraudRules?: FraudRuleSettings;
}

export interface ProgrammeSummary {
  id: string;
  name: string;
  slug: string;
  status: ProgrammeStatusName;
  landingUrl: string;
  attributionWindowDays: number;
  attributionModel: AttributionModelName;
  eligibleSegments: string[];
  referrerReward: ProgrammeReward;
  friendReward: ProgrammeReward | null;
  minPurchaseMinor: number;
  currency: string;
  holdDays: number;
  fraudRules: FraudRuleSettings;
  createdAt: string;
  updatedAt: string;
}

export interface ProgrammeListQuery extends PageQuery {
  status?: ProgrammeStatusName;
}

/** One programme on the advocate's share page. */
export interface MyProgramme {
  programmeId: string;
  name: string;
  referrerReward: ProgrammeReward;
  friendReward: ProgrammeReward | null;
  eligible: boolean;
  /** Plain words when not eligible, e.g. "This programme is open to promoters and passives". */
  reason: string | null;
  code: string | null;
  vanityCode: string | null;
  shareUrl: string | null;
}

export interface MyReferrals {
  programmes: MyProgramme[];
}

export interface VanityCodeRequest {
  programmeId: string;
  code: string;
}

export interface MyProgrammeQuery {
  programmeId: string;
}

export interface FunnelDay {
  day: string;
  clicks: number;
  uniqueClicks: number;
}

/** Counts past the click, from the conversion events; null where not measured. */
export interface ConversionCounts {
  signups: number;
  purchases: number;
  rewards: number;
}

export interface ReferralFunnel {
  programmeId: string;
  clicks: number;
  uniqueClicks: number;
  conversions: ConversionCounts | null;
  days: FunnelDay[];
}

export const VANITY_CODE_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
export const VANITY_MIN_LENGTH = 4;
export const VANITY_MAX_LENGTH = 32;

/** Codes nobody may take: routes, support words and the brand's own names. */
export const RESERVED_CODES: readonly string[] = [
  'admin',
  'administrator',
  'api',
  'app',
  'r',
  'login',
  'logout',
  'signin',
  'signup',
  'register',
  'support',
  'help',
  'www',
  'null',
  'undefined',
  'root',
  'staff',
  'brand',
  'official',
  'security',
  'billing',
  'advocacy',
  'demo',
];

/** Why a vanity code is refused, or null when it may be used (taken-ness is checked by the server). */
export function vanityCodeProblem(
  raw: string,
  brandWords: readonly string[] = [],
): string | null {
  const code = raw.trim().toLowerCase();
  if (code.length < VANITY_MIN_LENGTH)
    return `must be at least ${VANITY_MIN_LENGTH} characters`;
  if (code.length > VANITY_MAX_LENGTH)
    return `must be at most ${VANITY_MAX_LENGTH} characters`;
  if (!/^[a-z0-9-]+$/.test(code))
    return 'may only use letters, digits and hyphens';
  if (!VANITY_CODE_PATTERN.test(code))
    return 'may not start or end with a hyphen';
  const reserved = [
    ...RESERVED_CODES,
    ...brandWords.map((w) => w.toLowerCase()),
  ];
  if (reserved.includes(code)) return 'is reserved';
  return null;
}

const SEGMENT_WORDS: Record<string, string> = {
  promoters: 'promoters',
  passives: 'passives',
  detractors: 'detractors',
  champions: 'champions',
  'at-risk': 'customers at risk',
  unsurveyed: 'customers not yet surveyed',
};

/** "This programme is open to promoters and passives", from segment keys and their names. */
export function eligibilityReason(
  segmentKeys: readonly string[],
  names: Readonly<Record<string, string>> = {},
): string {
  const words = segmentKeys.map(
    (key) => SEGMENT_WORDS[key] ?? (names[key] ?? key).toLowerCase(),
  );
  const list =
    words.length <= 1
      ? words.join('')
      : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  return `This programme is open to ${list}`;
}

/** "$10.00 store credit", "500 points": how a reward reads on a share card. */
export function describeReward(reward: ProgrammeReward): string {
  if (reward.type === 'points') return `${reward.amount} points`;
  if (reward.type === 'perk' || reward.type === 'coupon')
    return (
      reward.description || (reward.type === 'perk' ? 'a perk' : 'a coupon')
    );
  const digits = reward.currency === 'JPY' ? 0 : 2;
  const money = new Intl.NumberFormat('en', {
    style: 'currency',
    currency: reward.currency,
    minimumFractionDigits: digits,
  }).format(reward.amount / 10 ** digits);
  const kind: Record<string, string> = {
    store_credit: 'store credit',
    cash: 'cash',
    gift_card: 'gift card',
  };
  return `${money} ${kind[reward.type] ?? ''}`.trim();
}
