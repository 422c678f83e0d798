import { BullModule } from '@nestjs/bullmq';
import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';
import { AppConfig } from '../config/app-config';
import { QUEUES, RewardJobs } from '../queues/queue-names';
import { CouponPoolsController } from './coupon-pools.controller';
import { CouponPoolsService } from './coupon-pools.service';
import { CouponPool } from './entities/coupon-pool.entity';
import { Coupon } from './entities/coupon.entity';
import { RewardBudget } from './entities/reward-budget.entity';
import { RewardCap } from './entities/reward-cap.entity';
import { RewardProgrammeSetting } from './entities/reward-programme-setting.entity';
import { RewardTierAward } from './entities/reward-tier-award.entity';
import { RewardTier } from './entities/reward-tier.entity';
import { RewardTransition } from './entities/reward-transition.entity';
import { Reward } from './entities/reward.entity';
import {
  SqlReferralStatsProvider,
  ReferralStatsProvider,
} from './referral-stats.provider';
import { RewardClaimsService } from './reward-claims.service';
import { RewardFulfilmentService } from './reward-fulfilment.service';
import { RewardLedgerService } from './reward-ledger.service';
import { RewardLimitsService } from './reward-limits.service';
import { RewardQueriesService } from './reward-queries.service';
import { RewardReviewsService } from './reward-reviews.service';
import { RewardTierAdminService } from './reward-tier-admin.service';
import { RewardTiersController } from './reward-tiers.controller';
import { RewardTiersService } from './reward-tiers.service';
import { RewardsAdminController } from './rewards-admin.controller';
import { RewardsController } from './rewards.controller';
import { RewardsProcessor } from './rewards.processor';
import { RewardsService } from './rewards.service';

/**
 * Rewards ledger. Other features use `RewardsService` only, inside their own transaction:
 * - `grant(manager, { customerId, programmeId, type, amountMinor | points, currency, source, sourceRef,
 *   holdDays, reason })` creates the reward once per (source, sourceRef, customer): pending for the hold,
 *   or `over_budget` when a budget or cap would be passed (a manager reviews it). Referral grants
 *   also check tier upgrades and grant each tier's bonus once.
 * - `reverse(manager, { source, sourceRef, reason })` undoes a refunded event: pending, available or
 *   claimed rewards become `reversed`; fulfilled ones get one negative clawback entry (never more
 *   than was paid).
 * - `releaseDueHolds()` makes ended holds claimable; the `rewards` queue runs it every 5 minutes.
 */
@Module({
  imports: [
    IdempotencyModule,
    BullModule.registerQueue({ name: QUEUES.rewards }),
    TypeOrmModule.forFeature([
      Reward,
      RewardTransition,
      RewardTier,
      RewardTierAward,
      RewardBudget,
      RewardCap,
      RewardProgrammeSetting,
      CouponPool,
      Coupon,
    ]),
  ],
  controllers: [
    RewardsController,
    RewardsAdminController,
    CouponPoolsController,
    RewardTiersController,
  ],
  providers: [
    RewardLedgerService,
    RewardLimitsService,
    RewardTiersService,
    RewardTierAdminService,
    RewardsService,
    RewardFulfilmentService,
    RewardClaimsService,
    RewardQueriesService,
    RewardReviewsService,
    CouponPoolsService,
    RewardsProcessor,
    { provide: ReferralStatsProvider, useClass: SqlReferralStatsProvider },
  ],
  exports: [RewardsService, ReferralStatsProvider],
})
export class RewardsModule implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.rewards) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.RUN_WORKERS) return;
    await this.queue.upsertJobScheduler(
      'rewards-tick',
      { every: 5 * 60_000 },
      {
        name: 'tick',
        data: { reason: 'schedule' } satisfies RewardJobs['tick'],
      },
    );
  }
}
