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
import { rewardFromJson, rewardFromRow, RewardRow } from './reward-mapping';

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

export interface MoveStatement {
  ctes: string;
  /** The webhook event the move writes, if any. */
  event: string | null;
}

/** What a move's `answer` holds: the moved row as JSON and its whole history. */
export interface MoveJson {
  reward: Record<keyof RewardRow, unknown>;
  history: (Omit<RewardTransitionEntry, 'at'> & { at: string })[];
}

const DAY_MS = 86_400_000;

/** Moves that tell subscribed systems (see the webhooks feature). */
const PUBLISHED_MOVES: readonly RewardState[] = ['available', 'claimed'];
/** The same shape as rewardEventData, built in SQL from the moved row. */
const REWARD_EVENT_JSON = `jsonb_build_object('rewardId', moved.id, 'customerId', moved.customer_id,
  'programmeId', moved.programme_id, 'type', moved.type, 'amount', moved.amount, 'currency', moved.currency,
  'source', moved.source, 'sourceRef', moved.source_ref)`;
const HISTORY_JSON = (at: string, from = 't') =>
  `jsonb_build_object('fromState', ${from}.from_state, 'toState', ${from}.to_state, 'actorId', ${from}.actor_id,
     'reason', ${from}.reason, 'at', ${at})`;

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
    const params: unknown[] = [];
    const statement = this.moveStatement(input, params);
    const rows: { body: MoveJson }[] = await manager.query(
      `WITH ${statement.ctes} SELECT body FROM answer`,
      params,
    );
    if (rows.length === 0) return null;
    this.announce(manager, statement);
    return readMove(rows[0].body);
  }

  /**
   * The move as common table expressions for a caller that folds it into a larger statement (an
   * idempotent claim is one statement): pushes its parameters onto `params`, moves only while the
   * SQL condition `gate` holds, and ends in `answer`, one row with the JSON that `readMove` reads.
   */
  moveStatement(
    input: TransitionInput,
    params: unknown[],
    gate = 'true',
  ): MoveStatement {
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
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const id = param(input.rewardId);
    const from = param(input.from);
    const to = param(input.to);
    const thenTo = param(input.then?.to ?? input.to);
    const thenTypes = `${param(input.then?.types ?? [])}::text[]`;
    const sets = [
      `state = CASE WHEN type = ANY(${thenTypes}) THEN ${thenTo} ELSE ${to} END`,
      'updated_at = now()',
    ];
    const optional: [string, unknown][] = [
      ['reason', input.publicReason],
      ['coupon_code', input.couponCode],
      ['payout_reference', input.payoutReference],
      ['available_at', input.availableAt],
    ];
    for (const [column, value] of optional) {
      if (value !== undefined) sets.push(`${column} = ${param(value)}`);
    }
    let where = `id = ${id} AND state = ${from} AND (${gate})`;
    if (input.ownerCustomerId !== undefined)
      where += ` AND customer_id = ${param(input.ownerCustomerId)}`;
    if (input.claimMinimumTypes)
      where += ` AND ${claimMinimumMet(`${param(input.claimMinimumTypes)}::text[]`)}`;
    const values = steps.map(
      ([stepFrom, stepTo, actor, reason], i) =>
        `(${i}::bigint, ${param(stepFrom)}::text, ${param(stepTo)}::text, ${param(actor)}::uuid, ${param(reason)}::text)`,
    );
    // Subscribed systems hear of claims and newly claimable rewards through the webhook outbox,
    // written by this same statement (claims are round-trip bound).
    const event = PUBLISHED_MOVES.includes(input.to)
      ? `reward.${input.to}`
      : null;
    const eventParam = `${param(event)}::text`;
    // The history reads the snapshot before this statement, so earlier steps come from the table
    // and this move's steps from `steps`.
    const ctes = `moved AS (UPDATE rewards SET ${sets.join(', ')} WHERE ${where} RETURNING *),
      steps AS (SELECT v.* FROM moved, (VALUES ${values.join(', ')}) AS v(step, from_state, to_state, actor_id, reason)
                 WHERE v.step = 0 OR moved.type = ANY(${thenTypes})),
      logged AS (INSERT INTO reward_transitions (reward_id, from_state, to_state, actor_id, reason)
                 SELECT moved.id, steps.from_state, steps.to_state, steps.actor_id, steps.reason
                   FROM moved, steps ORDER BY steps.step),
      published AS (INSERT INTO webhook_events (type, data)
                    SELECT ${eventParam}, ${REWARD_EVENT_JSON} || jsonb_build_object('state', ${to}::text)
                      FROM moved WHERE ${eventParam} IS NOT NULL),
      answer AS (SELECT jsonb_build_object('reward', to_jsonb(moved), 'history',
                   (SELECT coalesce(jsonb_agg(h.entry ORDER BY h.later, h.at, h.seq), '[]')
                      FROM (SELECT ${HISTORY_JSON('t.at')} AS entry, false AS later, t.at, t.id AS seq
                              FROM reward_transitions t WHERE t.reward_id = moved.id
                            UNION ALL
                            SELECT ${HISTORY_JSON('now()', 'steps')}, true, now(), steps.step FROM steps) h)) AS body
                   FROM moved)`;
    return { ctes, event };
  }

  /** Tells the webhook dispatcher about a move's event once it commits. */
  announce(manager: EntityManager, statement: MoveStatement): void {
    if (statement.event) this.webhooks.published(manager);
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
export function readMove(json: MoveJson): MoveResult {
  return {
    reward: rewardFromJson(json.reward),
    history: json.history.map((entry) => ({
      ...entry,
      at: new Date(entry.at).toISOString(),
    })),
  };
}

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
