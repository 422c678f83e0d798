import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QUEUES, WebhookJobs } from '../queues/queue-names';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookDispatcherService } from './webhook-dispatcher.service';

/** A failed attempt throws, so BullMQ retries it with exponential backoff. */
export class DeliveryAttemptFailed extends Error {}

@Processor(QUEUES.webhooks, { autorun: false, concurrency: 10 })
export class WebhooksProcessor extends WorkerHost {
  constructor(
    private readonly dispatcher: WebhookDispatcherService,
    private readonly deliveries: WebhookDeliveryService,
  ) {
    super();
  }

  async process(job: Job<WebhookJobs[keyof WebhookJobs]>): Promise<unknown> {
    switch (job.name as keyof WebhookJobs) {
      case 'dispatch': {
        const created = await this.dispatcher.dispatchPending();
        if ((job.data as WebhookJobs['dispatch']).reason !== 'sweep')
          return { created: created.length };
        return {
          created: created.length,
          requeued: await this.dispatcher.requeueStranded(),
          purged: await this.dispatcher.purgeExpired(),
        };
      }
      case 'deliver': {
        const { deliveryId } = job.data as WebhookJobs['deliver'];
        const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const outcome = await this.deliveries.attempt(deliveryId, { final });
        if (outcome === 'retry')
          throw new DeliveryAttemptFailed(
            `Delivery ${deliveryId} failed; will retry`,
          );
        return { outcome };
      }
      default:
        throw new Error(`Unknown webhooks job ${job.name}`);
    }
  }
}
