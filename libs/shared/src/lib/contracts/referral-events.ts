import { SegmentSnapshot } from '../segments/segment-rules';
import { Page, PageQuery } from './pagination';
import { FraudRuleName } from './referrals';

/** ISO 4217 codes a brand may report events in. */
export const EVENT_CURRENCIES = [
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
  'PLN',
  'CZK',
  'JPY',
  'SGD',
  'HKD',
  'INR',
  'BRL',
  'MXN',
  'ZAR',
] as const;
export type EventCurrency = (typeof EVENT_CURRENCIES)[number];

export const CONVERSION_EVENT_TYPES = ['signup', 'purchase', 'refund'] as const;
export type ConversionEventType = (typeof CONVERSION_EVENT_TYPES)[number];

/** Largest amount accepted in one event, in minor units. */
export const MAX_EVENT_AMOUNT_MINOR = 10_000_000_000;

export interface EventCustomer {
  externalId?: string;
  email: string;
  name?: string;
}

/** What a brand system sends to `POST /events` (API key or Standard Webhooks signature). */
export interface ConversionEventRequest {
  id: string;
  type: ConversionEventType;
  occurredAt: string;
  customer: EventCustomer;
  amountMinor?: number;
  currency?: EventCurrency;
  orderId?: string;
  code?: string;
  clickId?: string;
  referrerEmail?: string;
}

export type EventOutcome =
  | 'not_referred'
  | 'existing_customer'
  | 'referred'
  | 'qualified'
  | 'rejected'
  | 'in_review'
  | 'pending'
  | 'reversed'
  | 'refund_after_hold'
  | 'recorded';

/** What processing an event did; stored with the event and shown by `GET /events/:eventId`. */
export interface ConversionEventResponse {
  eventId: string;
  outcome: EventOutcome;
  referralId: string | null;
}

/**
 * `POST /events` answers 202 once the event is stored, before it is processed; the same event
 * sent again gets this same receipt. Its outcome is read from `statusUrl`.
 */
export interface ConversionEventReceipt {
  eventId: string;
  status: 'accepted';
  statusUrl: string;
}

export const EVENT_PROCESSING_STATES = [
  'received',
  'processed',
  'failed',
] as const;
export type EventProcessingState = (typeof EVENT_PROCESSING_STATES)[number];

export interface ConversionEventStatus {
  eventId: string;
  type: ConversionEventType;
  state: EventProcessingState;
  outcome: EventOutcome | null;
  referralId: string | null;
  attempts: number;
  /** Why the last attempt failed; a failed event is retried with backoff, then parked. */
  error: string | null;
  receivedAt: string;
  processedAt: string | null;
}

/** An inbox row as managers see it: what a brand system sent and what became of it. */
export interface EventInboxItem extends ConversionEventStatus {
  id: string;
}

export interface EventInboxQuery extends PageQuery {
  state?: EventProcessingState;
}

export interface EventInboxPage extends Page<EventInboxItem> {
  /** Events per state over the whole inbox, whatever the filter. */
  counts: Record<EventProcessingState, number>;
}

export const REFERRAL_STATUSES = [
  'pending',
  'qualified',
  'rejected',
  'in_review',
  'reversed',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export type AttributionSource = 'code' | 'click' | 'cookie' | 'invited_email';

/** Reason codes a referral may carry, each with plain words an advocate understands. */
export const REFERRAL_REASONS = {
  existing_customer: 'Your friend was already a customer.',
  self_referral: 'You cannot refer yourself.',
  same_device:
    'The sign-up came from a device already used for another referral.',
  ip_and_agent:
    'We are checking this referral because it looks like another one from the same device.',
  velocity: 'We are checking this referral because many arrived at once.',
  disposable_email: "Your friend's email address is a temporary one.",
  below_minimum: "Your friend's first order was below the programme's minimum.",
  outside_window:
    "Your friend's first order came after the referral window closed.",
  refunded: "Your friend's order was refunded.",
  manager_rejected: 'A programme manager declined this referral.',
} as const;
export type ReferralReason = keyof typeof REFERRAL_REASONS;

export interface FraudFlag {
  rule: FraudRuleName;
  mode: 'enforce' | 'shadow';
  decision: 'rejected' | 'pending' | 'approved' | 'flagged';
  note: string | null;
}

/** A referral as a programme manager sees it. */
export interface ReferralView {
  id: string;
  programmeId: string;
  referrerCustomerId: string;
  referrerEmail: string;
  friendEmail: string;
  status: ReferralStatus;
  reasonCode: ReferralReason | null;
  reasonText: string | null;
  segmentKey: string;
  segmentSnapshot: SegmentSnapshot;
  attributionSource: AttributionSource;
  purchaseAmountMinor: number | null;
  currency: string | null;
  flags: FraudFlag[];
  createdAt: string;
  qualifiedAt: string | null;
}

/** A referral as its advocate sees it: the friend's email is masked. */
export interface MyReferralView {
  id: string;
  friendEmail: string;
  status: ReferralStatus;
  reasonText: string | null;
  createdAt: string;
  qualifiedAt: string | null;
}

export interface ReferralListQuery extends PageQuery {
  status?: ReferralStatus;
  segmentKey?: string;
  reasonCode?: ReferralReason;
  programmeId?: string;
}

export interface ReferralDecisionRequest {
  note?: string;
}

export interface ReferralFunnelRow {
  segmentKey: string;
  clicks: number;
  signups: number;
  purchases: number;
  revenueMinor: number;
}

export interface ReferralStats {
  funnel: ReferralFunnelRow[];
  revenueMinor: number;
  rewardsIssued: number;
  rewardsValueMinor: number;
}

export const REFERRAL_EVENT_PATHS = {
  events: 'events',
  eventStatus: 'events/:eventId',
  inbox: 'event-inbox',
  inboxRetry: 'event-inbox/:id/retry',
  list: 'referrals',
  mine: 'referrals/my/friends',
  reviews: 'referrals/reviews',
  stats: 'referrals/stats',
  approve: 'referrals/:id/approve',
  reject: 'referrals/:id/reject',
} as const;

/** `j***@example.com`: enough for an advocate to recognise a friend, not to harvest addresses. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

const DOT_INSENSITIVE = new Set(['gmail.com', 'googlemail.com']);

/** The mailbox an address really reaches: lower-case, no +alias, no dots for Gmail. */
export function normaliseEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0) return lower;
  let local = lower.slice(0, at).split('+')[0];
  let domain = lower.slice(at + 1);
  if (DOT_INSENSITIVE.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}
