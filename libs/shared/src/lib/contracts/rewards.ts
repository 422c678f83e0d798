import { SegmentSnapshot } from '../segments/segment-rules';

export const REWARD_TYPES = [
  'coupon',
  'points',
  'store_credit',
  'cash',
  'gift_card',
  'perk',
] as const;
export type RewardType = (typeof REWARD_TYPES)[number];

/** Where a reward came from; `clawback` marks the negative entry that takes back a fulfilled reward. */
export const REWARD_SOURCES = [
  'referral',
  'tier_bonus',
  'ugc',
  'ambassador',
  'manual',
  'clawback',
] as const;
export type RewardSource = (typeof REWARD_SOURCES)[number];
export type GrantSource = Exclude<RewardSource, 'clawback'>;

export const REWARD_STATES = [
  'pending',
  'available',
  'claimed',
  'fulfilled',
  'reversed',
  'expired',
  'rejected',
  'over_budget',
] as const;
export type RewardState = (typeof REWARD_STATES)[number];

/** The only state changes the ledger allows; everything else is refused. */
export const REWARD_TRANSITIONS: Readonly<
  Record<RewardState, readonly RewardState[]>
> = {
  over_budget: ['pending', 'available', 'rejected'],
  pending: ['available', 'reversed', 'expired'],
  available: ['claimed', 'reversed', 'expired'],
  claimed: ['fulfilled', 'rejected'],
  fulfilled: [],
  reversed: [],
  expired: [],
  rejected: [],
};

export function canTransition(from: RewardState, to: RewardState): boolean {
  return REWARD_TRANSITIONS[from].includes(to);
}

/** Rewards a manager pays by hand after the claim; everything else is fulfilled by the system. */
export const MANUAL_PAYOUT_TYPES: readonly RewardType[] = ['cash', 'gift_card'];

export const BUDGET_PERIODS = ['month', 'quarter', 'year', 'lifetime'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

export interface RewardTransitionEntry {
  fromState: RewardState | null;
  toState: RewardState;
  actorId: string | null;
  reason: string;
  at: string;
}

export interface RewardSummary {
  id: string;
  customerId: string;
  programmeId: string | null;
  programmeName: string | null;
  type: RewardType;
  /** Minor units (cents) for money, whole points for points; negative for a clawback. */
  amount: number;
  currency: string | null;
  source: RewardSource;
  sourceRef: string;
  state: RewardState;
  reason: string | null;
  availableAt: string | null;
  expiresAt: string | null;
  segmentKey: string;
  segmentSnapshot: SegmentSnapshot;
  couponCode: string | null;
  payoutReference: string | null;
  createdAt: string;
  transitions: RewardTransitionEntry[];
}

/** A staff row: the reward with who it belongs to. */
export interface RewardAdminRow extends RewardSummary {
  customerName: string | null;
  customerEmail: string;
}

export interface MoneyTotal {
  currency: string;
  amountMinor: number;
}

/** Derived from the ledger entries on every read; there is no stored counter. */
export interface WalletBalances {
  points: number;
  storeCredit: MoneyTotal[];
  pendingCount: number;
  availableCount: number;
}

export interface TierRequirement {
  metric:
    | 'qualified_referrals'
    | 'refund_rate'
    | 'repeat_purchase_share'
    | 'friend_average_nps';
  met: boolean;
  /** Plain words, e.g. "3 more qualified referrals". */
  text: string;
}

export interface TierProgress {
  programmeId: string;
  programmeName: string;
  current: { id: string; name: string; rank: number } | null;
  next: {
    id: string;
    name: string;
    rank: number;
    requirements: TierRequirement[];
  } | null;
  qualifiedReferrals: number;
  /** 0–1 towards the next tier's referral count. */
  progress: number;
}

export interface Wallet {
  balances: WalletBalances;
  tiers: TierProgress[];
}

export interface RewardListQuery {
  page?: number;
  pageSize?: number;
  state?: RewardState;
  /** `approvals`: over budget, or cash and gift cards claimed and waiting to be paid. */
  queue?: 'approvals';
  customerId?: string;
}

export interface ManualGrantRequest {
  customerId: string;
  programmeId?: string | null;
  type: RewardType;
  amount: number;
  currency?: string | null;
  holdDays?: number;
  reason: string;
}

export interface ClaimResult {
  reward: RewardSummary;
}

export interface ReviewRewardRequest {
  decision: 'approve' | 'reject';
  reason: string;
}

/** Staff undo: an unclaimed reward is reversed, a delivered one clawed back (all of it unless `amount`). */
export interface ReverseRewardRequest {
  reason: string;
  amount?: number;
}

export interface MarkPaidRequest {
  payoutReference: string;
}

export interface CouponPoolSummary {
  id: string;
  name: string;
  programmeId: string | null;
  lowThreshold: number;
  total: number;
  remaining: number;
  low: boolean;
  createdAt: string;
}

export interface CreateCouponPoolRequest {
  name: string;
  programmeId?: string | null;
  lowThreshold: number;
}

export interface ImportCouponsRequest {
  codes: string[];
}

export interface CouponImportResult {
  pool: CouponPoolSummary;
  added: number;
}

export interface RewardBudgetLimit {
  period: BudgetPeriod;
  limitMinor: number;
}

export interface RewardCapLimit {
  period: BudgetPeriod;
  maxCount: number | null;
  maxAmountMinor: number | null;
}

export interface ProgrammeLimitsRequest {
  budgets: RewardBudgetLimit[];
  caps: RewardCapLimit[];
  /** Smallest available money balance (minor units) an advocate may claim from; omitted keeps it. */
  minClaimMinor?: number;
}

export interface BudgetUsage {
  period: BudgetPeriod;
  limitMinor: number;
  usedMinor: number;
  currency: string;
  periodStart: string | null;
  periodEnd: string | null;
}

export interface ProgrammeLimits {
  programmeId: string;
  programmeName: string;
  budgets: BudgetUsage[];
  caps: RewardCapLimit[];
  minClaimMinor: number;
}

export interface YearlyTotalRow {
  year: number;
  customerId: string;
  customerName: string | null;
  customerEmail: string;
  currency: string | null;
  rewards: number;
  paidMinor: number;
  points: number;
}

/** A one-off bonus a tier grants when reached. */
export interface RewardTierBonus {
  type: RewardType;
  /** Minor units for money, whole points for points. */
  amount: number;
  currency: string | null;
}

export interface RewardTierRequest {
  name: string;
  rank: number;
  minQualifiedReferrals: number;
  maxRefundRate: number | null;
  minRepeatPurchaseShare: number | null;
  minFriendAverageNps: number | null;
  windowDays: number | null;
  bonus: RewardTierBonus | null;
  downgrade: 'keep' | 'recompute';
}

export interface RewardTierSummary extends RewardTierRequest {
  id: string;
  programmeId: string;
}

export const REWARD_PATHS = {
  mine: 'rewards/mine',
  wallet: 'rewards/wallet',
  claim: 'rewards/:id/claim',
  list: 'rewards',
  review: 'rewards/:id/review',
  markPaid: 'rewards/:id/mark-paid',
  reverse: 'rewards/:id/reverse',
  programmeTiers: 'rewards/programmes/:id/tiers',
  tier: 'rewards/tiers/:id',
  payoutsCsv: 'rewards/payouts.csv',
  yearlyTotals: 'rewards/yearly-totals',
  limits: 'rewards/limits',
  programmeLimits: 'rewards/limits/:id',
  pools: 'rewards/coupon-pools',
  poolCodes: 'rewards/coupon-pools/:id/codes',
  poolCodesCsv: 'rewards/coupon-pools/:id/codes.csv',
} as const;
