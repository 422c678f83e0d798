import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { QUEUES, RewardJobs } from '../queues/queue-names';
import { RewardFulfilmentService } from './reward-fulfilment.service';
import { RewardsService } from './rewards.service';

/** Clients retry within minutes; a day leaves room for a long outage. */
const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/**
 * Short lock and stall check: a worker killed mid-fulfilment has its job picked up again within
 * seconds; the fulfilment itself is idempotent, so a second run is harmless.
 */
@Processor(QUEUES.rewards, {
  autorun: false,
  lockDuration: 10_000,
  stalledInterval: 5_000,
})
export class RewardsProcessor extends WorkerHost {
  constructor(
    private readonly fulfilment: RewardFulfilmentService,
    private readonly rewards: RewardsService,
    private readonly idempotency: IdempotencyService,
  ) {
    super();
  }

  async process(job: Job<RewardJobs[keyof RewardJobs]>): Promise<unknown> {
    switch (job.name as keyof RewardJobs) {
      case 'fulfil':
        return {
          outcome: await this.fulfilment.fulfil(
            (job.data as RewardJobs['fulfil']).rewardId,
          ),
        };
      case 'tick':
        return {
          released: await this.rewards.releaseDueHolds(),
          expired: await this.rewards.expireDue(),
          requeued: await this.fulfilment.requeueStuck(),
          purgedKeys: await this.idempotency.purgeOlderThan(
            IDEMPOTENCY_KEY_TTL_HOURS,
          ),
        };
      default:
        throw new Error(`Unknown rewards job ${job.name}`);
    }
  }
}
