import {
  canTransition,
  GrantSource,
  RewardState,
  RewardTransitionEntry,
  RewardType,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { conflict, invalid } from '../common/errors';
import { queryReturning } from '../database/sql';
import { SegmentSnapshotService } from '../segments/segment-snapshot.service';
import { rewardEventData } from '../webhooks/webhook-payloads';
import { WebhookOutboxService } from '../webhooks/webhook-outbox.service';
import { Reward } from './entities/reward.entity';
import { RewardLimitsService } from './reward-limits.service';
import { rewardFromRow, RewardRow } from './reward-mapping';

export interface GrantInput {
  customerId: string;
  programmeId?: string | null;
  type: RewardType;
  /** Minor units for money types. */
  amountMinor?: number;
  /** Whole points, for `points` rewards. */
  points?: number;
  currency?: string | null;
  source: GrantSource;
  /** The qualifying event (e.g. referral id); the same event never makes two rewards. */
  sourceRef: string;
  /** Days before it can be claimed; 0 makes it available at once. */
  holdDays: number;
  reason: string;
  couponPoolId?: string | null;
  expiresInDays?: number | null;
  actorId?: string | null;
}

export interface GrantResult {
  reward: Reward;
  /** False when the same event had already granted this reward. */
  created: boolean;
}

export interface TransitionInput {
  rewardId: string;
  from: RewardState;
  to: RewardState;
  actorId: string | null;
  reason: string;
  /** Shown to the advocate as the reward's latest reason. */
  publicReason?: string | null;
  couponCode?: string;
  payoutReference?: string;
  availableAt?: Date | null;
  /** Moves the reward only if it belongs to this customer (ownership checked in the same statement). */
  ownerCustomerId?: string;
  /** Only if the owner's available money balance in the programme reaches its claim minimum (for these types). */
  claimMinimumTypes?: readonly RewardType[];
  /** A second step taken at once by the system, e.g. claimed → fulfilled, only for rewards of these types. */
  then?: { to: RewardState; reason: string; types: readonly RewardType[] };
}

export interface MoveResult {
  reward: Reward;
  history: RewardTransitionEntry[];
}

type HistoryJson = Omit<RewardTransitionEntry, 'at'> & { at: string };

const DAY_MS = 86_400_000;

/** Moves that tell subscribed systems (see the webhooks feature). */
const PUBLISHED_MOVES: readonly RewardState[] = ['available', 'claimed'];
/** The same shape as rewardEventData, built in SQL from the moved row. */
const REWARD_EVENT_JSON = `jsonb_build_object('rewardId', moved.id, 'customerId', moved.customer_id,
  'programmeId', moved.programme_id, 'type', moved.type, 'amount', moved.amount, 'currency', moved.currency,
  'source', moved.source, 'sourceRef', moved.source_ref)`;
/** The ledger: creates entries and moves them between states, with history. */
@Injectable()
export class RewardLedgerService {
  constructor(
    private readonly snapshots: SegmentSnapshotService,
    private readonly limits: RewardLimitsService,
    private readonly webhooks: WebhookOutboxService,
  ) {}

  /** A state change; see `move`. Answers null when another writer moved the reward first. */
  async transition(
    manager: EntityManager,
    input: TransitionInput,
  ): Promise<Reward | null> {
    return (await this.move(manager, input))?.reward ?? null;
  }

  /**
   * The one way a reward changes state: every step must be in REWARD_TRANSITIONS, the row must
   * still be in `from` (conditional update), and the history rows commit with it, in one statement.
   * `then` chains a second step (claimed → fulfilled for ledger-delivered rewards). Also answers the
   * reward's full history, so callers need no second read.
   */
  async move(
    manager: EntityManager,
    input: TransitionInput,
  ): Promise<MoveResult | null> {
    const steps: [RewardState, RewardState, string | null, string][] = [
      [input.from, input.to, input.actorId, input.reason],
    ];
    if (input.then)
      steps.push([input.to, input.then.to, null, input.then.reason]);
    for (const [from, to] of steps) {
      if (!canTransition(from, to))
        throw conflict(`A reward cannot go from ${from} to ${to}`, {
          state: `is ${from}`,
        });
    }
    const params: unknown[] = [
      input.rewardId,
      input.from,
      input.to,
      input.then?.to ?? input.to,
      input.then?.types ?? [],
    ];
    const sets = [
      'state = CASE WHEN type = ANY($5::text[]) THEN $4 ELSE $3 END',
      'updated_at = now()',
    ];
    const optional: [string, unknown][] = [
      ['reason', input.publicReason],
      ['coupon_code', input.couponCode],
      ['payout_reference', input.payoutReference],
      ['available_at', input.availableAt],
    ];
    for (const [column, value] of optional) {
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    let where = 'id = $1 AND state = $2';
    if (input.ownerCustomerId !== undefined) {
      params.push(input.ownerCustomerId);
      where += ` AND customer_id = $${params.length}`;
    }
    if (input.claimMinimumTypes) {
      params.push(input.claimMinimumTypes);
      where += ` AND ${claimMinimumMet(`$${params.length}::text[]`)}`;
    }
    const values = steps.map(([from, to, actor, reason], i) => {
      params.push(from, to, actor, reason);
      const n = params.length;
      return `(${i}, $${n - 3}::text, $${n - 2}::text, $${n - 1}::uuid, $${n}::text)`;
    });
    // Subscribed systems hear of claims and newly claimable rewards through the webhook outbox,
    // written by this same statement (claims are round-trip bound).
    const event = PUBLISHED_MOVES.includes(input.to)
      ? `reward.${input.to}`
      : null;
    params.push(event);
    const eventParam = `$${params.length}::text`;
    // The history subquery reads the snapshot before this statement, so it lists only earlier steps.
    const rows: (RewardRow & { history: HistoryJson[]; moved_at: Date })[] =
      await manager.query(
        `WITH moved AS (UPDATE rewards SET ${sets.join(', ')} WHERE ${where} RETURNING *),
            logged AS (INSERT INTO reward_transitions (reward_id, from_state, to_state, actor_id, reason)
                       SELECT moved.id, v.from_state, v.to_state, v.actor_id, v.reason
                         FROM moved, (VALUES ${values.join(', ')}) AS v(step, from_state, to_state, actor_id, reason)
                        WHERE v.step = 0 OR moved.type = ANY($5::text[])
                        ORDER BY v.step),
            published AS (INSERT INTO webhook_events (type, data)
                          SELECT ${eventParam}, ${REWARD_EVENT_JSON} || jsonb_build_object('state', $3::text)
                            FROM moved WHERE ${eventParam} IS NOT NULL)
       SELECT moved.*, now() AS moved_at,
              (SELECT coalesce(json_agg(json_build_object('fromState', t.from_state, 'toState', t.to_state,
                        'actorId', t.actor_id, 'reason', t.reason, 'at', t.at) ORDER BY t.at, t.id), '[]')
                 FROM reward_transitions t WHERE t.reward_id = moved.id) AS history
         FROM moved`,
        params,
      );
    if (rows.length === 0) return null;
    const reward = rewardFromRow(rows[0]);
    if (event) this.webhooks.published(manager);
    const at = rows[0].moved_at.toISOString();
    const taken = reward.state === input.to ? steps.slice(0, 1) : steps;
    const history: RewardTransitionEntry[] = [
      ...rows[0].history.map((entry) => ({
        ...entry,
        at: new Date(entry.at).toISOString(),
      })),
      ...taken.map(([fromState, toState, actorId, reason]) => ({
        fromState,
        toState,
        actorId,
        reason,
        at,
      })),
    ];
    return { reward, history };
  }

  /** Creates the entry once per (source, sourceRef, customer); over a budget or cap it waits for review. */
  async grant(manager: EntityManager, input: GrantInput): Promise<GrantResult> {
    const amount = validAmount(input);
    const existing = await this.find(
      manager,
      input.source,
      input.sourceRef,
      input.customerId,
    );
    if (existing) return { reward: existing, created: false };
    const exceeded = input.programmeId
      ? await this.limits.exceeded(
          manager,
          input.programmeId,
          input.customerId,
          input.type,
          amount,
        )
      : [];
    const now = Date.now();
    const availableAt = new Date(now + input.holdDays * DAY_MS);
    const state: RewardState =
      exceeded.length > 0
        ? 'over_budget'
        : input.holdDays > 0
          ? 'pending'
          : 'available';
    const snapshot = await this.snapshots.snapshotFor(
      input.customerId,
      manager,
    );
    const rows = await queryReturning<RewardRow>(
      manager,
      `INSERT INTO rewards (customer_id, programme_id, type, amount, currency, source, source_ref, state, reason,
                            available_at, expires_at, segment_snapshot, segment_key, coupon_pool_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (source, source_ref, customer_id) DO NOTHING RETURNING *`,
      [
        input.customerId,
        input.programmeId ?? null,
        input.type,
        amount,
        input.currency ?? null,
        input.source,
        input.sourceRef,
        state,
        input.reason,
        availableAt,
        input.expiresInDays
          ? new Date(now + input.expiresInDays * DAY_MS)
          : null,
        JSON.stringify(snapshot),
        snapshot.segmentKey,
        input.couponPoolId ?? null,
      ],
    );
    if (rows.length === 0) {
      // A concurrent grant of the same event won the insert.
      const winner = await this.find(
        manager,
        input.source,
        input.sourceRef,
        input.customerId,
      );
      if (!winner)
        throw conflict(
          'This reward is being granted by another request; retry',
        );
      return { reward: winner, created: false };
    }
    const reason =
      exceeded.length > 0
        ? `${input.reason} (over ${exceeded.join(', ')})`
        : input.reason;
    await manager.query(
      `INSERT INTO reward_transitions (reward_id, from_state, to_state, actor_id, reason) VALUES ($1, NULL, $2, $3, $4)`,
      [rows[0].id, state, input.actorId ?? null, reason],
    );
    const created = rewardFromRow(rows[0]);
    if (state === 'available')
      await this.webhooks.publish(
        manager,
        'reward.available',
        rewardEventData(created),
      );
    return { reward: created, created: true };
  }

  /**
   * Takes back (part of) a fulfilled reward with one negative, already-settled entry. Unique per
   * original reward, so a repeated refund cannot take back twice.
   */
  async clawBack(
    manager: EntityManager,
    original: Reward,
    amount: number,
    reason: string,
    actorId: string | null,
  ): Promise<GrantResult> {
    const rows = await queryReturning<RewardRow>(
      manager,
      `INSERT INTO rewards (customer_id, programme_id, type, amount, currency, source, source_ref, state, reason,
                            available_at, segment_snapshot, segment_key)
       SELECT customer_id, programme_id, type, $2::bigint, currency, 'clawback', id::text, 'fulfilled', $3, now(),
              segment_snapshot, segment_key
         FROM rewards WHERE id = $1 AND state = 'fulfilled' AND $2::bigint < 0 AND -($2::bigint) <= amount
       ON CONFLICT (source, source_ref, customer_id) DO NOTHING RETURNING *`,
      [original.id, -amount, reason],
    );
    if (rows.length === 0) {
      const existing = await this.find(
        manager,
        'clawback',
        original.id,
        original.customerId,
      );
      if (!existing)
        throw invalid({
          amount: `must be between 1 and the ${original.amount} paid`,
        });
      return { reward: existing, created: false };
    }
    await manager.query(
      `INSERT INTO reward_transitions (reward_id, from_state, to_state, actor_id, reason) VALUES ($1, NULL, 'fulfilled', $2, $3)`,
      [rows[0].id, actorId, reason],
    );
    return { reward: rewardFromRow(rows[0]), created: true };
  }

  async find(
    manager: EntityManager,
    source: string,
    sourceRef: string,
    customerId: string,
  ): Promise<Reward | null> {
    const rows: RewardRow[] = await manager.query(
      `SELECT * FROM rewards WHERE source = $1 AND source_ref = $2 AND customer_id = $3`,
      [source, sourceRef, customerId],
    );
    return rows[0] ? rewardFromRow(rows[0]) : null;
  }

  async lock(manager: EntityManager, rewardId: string): Promise<Reward | null> {
    const rows: RewardRow[] = await manager.query(
      `SELECT * FROM rewards WHERE id = $1 FOR UPDATE`,
      [rewardId],
    );
    return rows[0] ? rewardFromRow(rows[0]) : null;
  }
}

/** True unless the reward's programme sets a claim minimum its owner's available balance has not reached. */
export function claimMinimumMet(types: string): string {
  return `(NOT (rewards.type = ANY(${types})) OR rewards.programme_id IS NULL
      OR coalesce((SELECT s.min_claim_minor FROM reward_programme_settings s
                    WHERE s.programme_id = rewards.programme_id), 0)
         <= (SELECT coalesce(sum(o.amount), 0) FROM rewards o
              WHERE o.customer_id = rewards.customer_id AND o.programme_id = rewards.programme_id
                AND o.state = 'available' AND o.type = ANY(${types})
                AND o.currency IS NOT DISTINCT FROM rewards.currency))`;
}

function validAmount(input: GrantInput): number {
  const amount = input.type === 'points' ? input.points : input.amountMinor;
  const field = input.type === 'points' ? 'points' : 'amountMinor';
  if (amount === undefined || !Number.isSafeInteger(amount) || amount < 0) {
    throw invalid({ [field]: 'must be a whole number, zero or more' });
  }
  if (
    input.type !== 'points' &&
    input.type !== 'perk' &&
    input.type !== 'coupon' &&
    !input.currency
  ) {
    throw invalid({ currency: 'is required for money rewards' });
  }
  return amount;
}
