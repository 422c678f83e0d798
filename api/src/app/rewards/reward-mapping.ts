import {
  RewardSource,
  RewardState,
  RewardSummary,
  RewardTransitionEntry,
  RewardType,
  SegmentSnapshot,
} from '@advocacy/shared';
import { Reward } from './entities/reward.entity';

/** A `rewards` row as raw SQL returns it. */
export interface RewardRow {
  id: string;
  customer_id: string;
  programme_id: string | null;
  type: RewardType;
  amount: string;
  currency: string | null;
  source: RewardSource;
  source_ref: string;
  state: RewardState;
  reason: string | null;
  available_at: Date | null;
  expires_at: Date | null;
  segment_snapshot: SegmentSnapshot;
  segment_key: string;
  coupon_pool_id: string | null;
  coupon_code: string | null;
  payout_reference: string | null;
  created_at: Date;
  updated_at: Date;
}

export function rewardFromRow(row: RewardRow): Reward {
  return Object.assign(new Reward(), {
    id: row.id,
    customerId: row.customer_id,
    programmeId: row.programme_id,
    type: row.type,
    amount: Number(row.amount),
    currency: row.currency,
    source: row.source,
    sourceRef: row.source_ref,
    state: row.state,
    reason: row.reason,
    availableAt: row.available_at,
    expiresAt: row.expires_at,
    segmentSnapshot: row.segment_snapshot,
    segmentKey: row.segment_key,
    couponPoolId: row.coupon_pool_id,
    couponCode: row.coupon_code,
    payoutReference: row.payout_reference,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

const dateOrNull = (value: unknown) =>
  value === null ? null : new Date(value as string);

/** A `rewards` row as `to_jsonb` gives it: timestamps arrive as ISO strings. */
export function rewardFromJson(json: Record<keyof RewardRow, unknown>): Reward {
  return rewardFromRow({
    ...(json as unknown as RewardRow),
    available_at: dateOrNull(json.available_at),
    expires_at: dateOrNull(json.expires_at),
    created_at: new Date(json.created_at as string),
    updated_at: new Date(json.updated_at as string),
  });
}

export interface TransitionRow {
  reward_id: string;
  from_state: RewardState | null;
  to_state: RewardState;
  actor_id: string | null;
  reason: string;
  at: Date;
}

export function toTransitionEntry(row: TransitionRow): RewardTransitionEntry {
  return {
    fromState: row.from_state,
    toState: row.to_state,
    actorId: row.actor_id,
    reason: row.reason,
    at: row.at.toISOString(),
  };
}

export function toRewardSummary(
  reward: Reward,
  transitions: RewardTransitionEntry[] = [],
  programmeName: string | null = null,
): RewardSummary {
  return {
    id: reward.id,
    customerId: reward.customerId,
    programmeId: reward.programmeId,
    programmeName,
    type: reward.type,
    amount: reward.amount,
    currency: reward.currency,
    source: reward.source,
    sourceRef: reward.sourceRef,
    state: reward.state,
    reason: reward.reason,
    availableAt: reward.availableAt?.toISOString() ?? null,
    expiresAt: reward.expiresAt?.toISOString() ?? null,
    segmentKey: reward.segmentKey,
    segmentSnapshot: reward.segmentSnapshot,
    couponCode: reward.couponCode,
    payoutReference: reward.payoutReference,
    createdAt: reward.createdAt.toISOString(),
    transitions,
  };
}
