import { API_PATHS, RewardState, RewardSummary } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/access';
import { conflict, notFound } from '../common/errors';
import {
  IdempotencyService,
  IdempotentResponse,
  isValidIdempotencyKey,
} from '../common/idempotency/idempotency.service';
import {
  RewardFulfilmentService,
  LEDGER_FULFILLED_TYPES,
} from './reward-fulfilment.service';
import { RewardLedgerService } from './reward-ledger.service';
import { RewardRow, rewardFromRow, toRewardSummary } from './reward-mapping';

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
      await this.requireOwn(this.db.manager, user, rewardId);
    const response = await this.idempotency.execute<RewardSummary>(
      {
        scope: `user:${user.id}`,
        key: idempotencyKey,
        route: `POST ${API_PATHS.rewards.claim} ${rewardId}`,
        body: {},
      },
      async (manager) => ({
        status: 200,
        body: await this.claimIn(manager, user, rewardId),
      }),
    );
    // Queued after commit, so the worker never sees an uncommitted claim; the tick re-queues a lost add.
    if (
      !response.replayed &&
      response.body.type === 'coupon' &&
      response.body.state === 'claimed'
    )
      await this.fulfilment.enqueue(rewardId);
    return response;
  }

  private requireOwn(manager: EntityManager, user: AuthUser, rewardId: string) {
    return requireOwnReward(manager, user, rewardId);
  }

  private async claimIn(
    manager: EntityManager,
    user: AuthUser,
    rewardId: string,
  ): Promise<RewardSummary> {
    const customerId = user.customerId;
    if (!customerId) throw notFound('Reward');
    const moved = await this.ledger.move(manager, {
      rewardId,
      from: 'available',
      to: 'claimed',
      actorId: user.id,
      reason: 'Claimed by the advocate',
      ownerCustomerId: customerId,
      // Points, store credit and perks are delivered by the ledger entry itself, in the same statement.
      then: {
        to: 'fulfilled',
        reason: 'Delivered to your balance',
        types: LEDGER_FULFILLED_TYPES,
      },
    });
    if (!moved)
      throw notClaimable(
        (await this.requireOwn(manager, user, rewardId)).state,
      );
    return toRewardSummary(moved.reward, moved.history);
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

function notClaimable(state: RewardState) {
  const message = NOT_CLAIMABLE[state] ?? 'This reward cannot be claimed';
  return conflict(message, { reward: message });
}
