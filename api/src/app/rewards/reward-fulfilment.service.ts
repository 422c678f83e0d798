import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { queryReturning } from '../database/sql';
import { QUEUES, RewardJobs } from '../queues/queue-names';
import { Reward } from './entities/reward.entity';
import { RewardLedgerService } from './reward-ledger.service';

export type FulfilOutcome = 'fulfilled' | 'already_done' | 'not_claimed';

/** Rewards the system delivers inside the claim itself: the ledger entry is the delivery. */
export const LEDGER_FULFILLED_TYPES = [
  'points',
  'store_credit',
  'perk',
] as const;

/**
 * Delivers claimed rewards. Idempotent: the reward row is locked and must still be `claimed`, and a
 * coupon is tied to the reward id (unique), so a job that runs twice, or is killed and re-run,
 * never hands out a second code and never loses one (the kill rolls the transaction back).
 */
@Injectable()
export class RewardFulfilmentService {
  private readonly logger = new Logger(RewardFulfilmentService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ledger: RewardLedgerService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.rewards) private readonly queue: Queue,
  ) {}

  /** One job per reward id; BullMQ ignores a second add while the first job is kept. */
  async enqueue(rewardId: string): Promise<void> {
    await this.queue.add(
      'fulfil',
      { rewardId } satisfies RewardJobs['fulfil'],
      { jobId: `fulfil-${rewardId}` },
    );
  }

  async fulfil(rewardId: string): Promise<FulfilOutcome> {
    return this.db.transaction(async (manager) => {
      const reward = await this.ledger.lock(manager, rewardId);
      if (!reward) return 'not_claimed';
      if (reward.state === 'fulfilled') return 'already_done';
      if (reward.state !== 'claimed') return 'not_claimed';
      if (reward.type !== 'coupon')
        throw new Error(
          `Reward ${rewardId} of type ${reward.type} is not fulfilled by the queue`,
        );
      const code = await this.assignCoupon(manager, reward);
      if (this.config.REWARDS_FULFIL_TEST_DELAY_MS > 0)
        await sleep(this.config.REWARDS_FULFIL_TEST_DELAY_MS);
      await this.ledger.transition(manager, {
        rewardId,
        from: 'claimed',
        to: 'fulfilled',
        actorId: null,
        reason: 'Coupon code issued',
        couponCode: code,
      });
      return 'fulfilled';
    });
  }

  /** The code already tied to this reward, or the next free one from its pool. */
  private async assignCoupon(
    manager: EntityManager,
    reward: Reward,
  ): Promise<string> {
    const held: { code: string }[] = await manager.query(
      `SELECT code FROM coupons WHERE claimed_by_reward_id = $1`,
      [reward.id],
    );
    if (held[0]) return held[0].code;
    if (!reward.couponPoolId)
      throw new Error(`Coupon reward ${reward.id} has no coupon pool`);
    const taken = await queryReturning<{ code: string }>(
      manager,
      `UPDATE coupons SET claimed_by_reward_id = $1, claimed_at = now()
        WHERE id = (SELECT id FROM coupons WHERE pool_id = $2 AND claimed_by_reward_id IS NULL
                     ORDER BY created_at, id FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING code`,
      [reward.id, reward.couponPoolId],
    );
    if (!taken[0]) {
      this.logger.warn(
        { rewardId: reward.id, poolId: reward.couponPoolId },
        'Coupon pool is empty',
      );
      throw new Error(`Coupon pool ${reward.couponPoolId} has no codes left`);
    }
    return taken[0].code;
  }

  /** Claimed coupons whose job was lost (e.g. Redis was down at claim time) are queued again. */
  async requeueStuck(): Promise<number> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM rewards WHERE state = 'claimed' AND type = 'coupon' AND updated_at < now() - interval '5 minutes'
        ORDER BY updated_at LIMIT 500`,
    );
    for (const row of rows) await this.enqueue(row.id);
    return rows.length;
  }
}
