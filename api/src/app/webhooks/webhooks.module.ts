import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Global, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QUEUES, WebhookJobs } from '../queues/queue-names';
import { WebhookAttemptEntity } from './entities/webhook-attempt.entity';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { WebhookEvent } from './entities/webhook-event.entity';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookOutboxService } from './webhook-outbox.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksProcessor } from './webhooks.processor';

/** How often the sweep dispatches events whose after-commit job was lost. */
const SWEEP_EVERY_MS = 30_000;

/**
 * Outgoing webhooks. Every feature publishes through the global `WebhookOutboxService`:
 * `publish(manager, type, data)` inside its own transaction (see WEBHOOK_EVENT_TYPES).
 */
@Global()
@Module({
  imports: [
    BullModule.registerQueue({ name: QUEUES.webhooks }),
    TypeOrmModule.forFeature([
      WebhookEndpoint,
      WebhookEvent,
      WebhookDelivery,
      WebhookAttemptEntity,
    ]),
  ],
  controllers: [WebhooksController],
  providers: [
    WebhookOutboxService,
    WebhookDispatcherService,
    WebhookDeliveryService,
    WebhookEndpointsService,
    WebhooksProcessor,
  ],
  exports: [WebhookOutboxService],
})
export class WebhooksModule implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.RUN_WORKERS) return;
    await this.queue.upsertJobScheduler(
      'webhooks-sweep',
      { every: SWEEP_EVERY_MS },
      {
        name: 'dispatch',
        data: { reason: 'sweep' } satisfies WebhookJobs['dispatch'],
      },
    );
  }
}
