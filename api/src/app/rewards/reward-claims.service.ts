import {
  API_PATHS,
  formatRewardAmount,
  RewardState,
  RewardSummary,
  RewardType,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/access';
import { conflict, notFound, unprocessable } from '../common/errors';
import { Reward } from './entities/reward.entity';
import {
  IdempotencyService,
  IdempotentResponse,
  isValidIdempotencyKey,
} from '../common/idempotency/idempotency.service';
import {
  RewardFulfilmentService,
  LEDGER_FULFILLED_TYPES,
} from './reward-fulfilment.service';
import {
  MoveJson,
  MoveStatement,
  readMove,
  RewardLedgerService,
} from './reward-ledger.service';
import { RewardRow, rewardFromRow, toRewardSummary } from './reward-mapping';

/** Money an advocate is paid or credited; a programme's claim minimum applies to these. */
const MIN_CLAIM_TYPES: readonly RewardType[] = [
  'cash',
  'gift_card',
  'store_credit',
];

const NOT_CLAIMABLE: Partial<Record<RewardState, string>> = {
  pending: 'This reward is still on hold',
  over_budget: 'This reward is waiting for a manager to review it',
  claimed: 'This reward was already claimed',
  fulfilled: 'This reward was already claimed',
  reversed: 'This reward was reversed and cannot be claimed',
  expired: 'This reward expired before it was claimed',
  rejected: 'This reward was not approved',
};

/** An advocate claiming a reward: once per reward, whatever the retries or races. */
@Injectable()
export class RewardClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: RewardLedgerService,
    private readonly fulfilment: RewardFulfilmentService,
  ) {}

  async claim(
    user: AuthUser,
    rewardId: string,
    idempotencyKey: string | string[] | undefined,
  ): Promise<IdempotentResponse<RewardSummary>> {
    // Another advocate's reward is a 404 whatever headers they send; a valid key defers the check to the update.
    if (!isValidIdempotencyKey(idempotencyKey))
      await requireOwnReward(this.db.manager, user, rewardId);
    const customerId = user.customerId;
    if (!customerId) throw notFound('Reward');
    let statement: MoveStatement | undefined;
    const response = await this.idempotency.execute<RewardSummary>(
      {
        scope: `user:${user.id}`,
        key: idempotencyKey,
        route: `POST ${API_PATHS.rewards.claim} ${rewardId}`,
        body: {},
      },
      {
        status: 200,
        ctes: (params, gate) => {
          statement = this.ledger.moveStatement(
            {
              rewardId,
              from: 'available',
              to: 'claimed',
              actorId: user.id,
              reason: 'Claimed by the advocate',
              ownerCustomerId: customerId,
              claimMinimumTypes: MIN_CLAIM_TYPES,
              // Points, store credit and perks are delivered by the ledger entry itself, in the same statement.
              then: {
                to: 'fulfilled',
                reason: 'Delivered to your balance',
                types: LEDGER_FULFILLED_TYPES,
              },
            },
            params,
            gate,
          );
          return statement.ctes;
        },
        render: (body) => {
          const moved = readMove(body as MoveJson);
          return toRewardSummary(moved.reward, moved.history);
        },
      },
    );
    if (!response) throw await this.refusal(user, rewardId);
    if (response.replayed) return response;
    if (statement) this.ledger.announce(this.db.manager, statement);
    // Queued after commit, so the worker never sees an uncommitted claim; the tick re-queues a lost add.
    if (response.body.type === 'coupon' && response.body.state === 'claimed')
      await this.fulfilment.enqueue(rewardId);
    return response;
  }

  /** Why an advocate's claim did not move the reward. */
  private async refusal(user: AuthUser, rewardId: string) {
    const reward = await requireOwnReward(this.db.manager, user, rewardId);
    if (reward.state === 'available')
      return belowMinimum(this.db.manager, reward);
    return notClaimable(reward.state);
  }
}

/** Someone else's reward answers exactly like a missing one. */
async function requireOwnReward(
  manager: EntityManager,
  user: AuthUser,
  rewardId: string,
) {
  const rows: RewardRow[] = user.customerId
    ? await manager.query(
        `SELECT * FROM rewards WHERE id = $1 AND customer_id = $2`,
        [rewardId, user.customerId],
      )
    : [];
  if (!rows[0]) throw notFound('Reward');
  return rewardFromRow(rows[0]);
}

/** The only reason an owned, available reward does not move: the programme's claim minimum. */
async function belowMinimum(manager: EntityManager, reward: Reward) {
  const rows: { minimum: string; balance: string }[] = await manager.query(
    `SELECT s.min_claim_minor AS minimum,
            (SELECT coalesce(sum(o.amount), 0) FROM rewards o
              WHERE o.customer_id = $2 AND o.programme_id = $1 AND o.state = 'available'
                AND o.type = ANY($3::text[]) AND o.currency IS NOT DISTINCT FROM $4) AS balance
       FROM reward_programme_settings s WHERE s.programme_id = $1`,
    [reward.programmeId, reward.customerId, MIN_CLAIM_TYPES, reward.currency],
  );
  if (!rows[0])
    return conflict('The reward changed meanwhile; reload and try again');
  const money = (amount: string) =>
    formatRewardAmount({
      type: reward.type,
      amount: Number(amount),
      currency: reward.currency,
    });
  const message = `You can claim once your available rewards from this programme reach ${money(rows[0].minimum)} (now ${money(rows[0].balance)})`;
  return unprocessable(message, { reward: message });
}

function notClaimable(state: RewardState) {
  const message = NOT_CLAIMABLE[state] ?? 'This reward cannot be claimed';
  return conflict(message, { reward: message });
}
