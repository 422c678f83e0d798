import { WebhookEventType } from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { QUEUES, WebhookJobs } from '../queues/queue-names';

const PENDING_FLAG = 'webhooksPending';
const KICK_WINDOW_MS = 100;

/**
 * The publish API for every feature: `publish(manager, type, data)` writes the event into the
 * outbox inside the caller's transaction, so it exists exactly when the change it reports does.
 * After that transaction commits, a dispatch job fans it out; a periodic sweep catches any event
 * whose job was lost (Redis down), so losing Redis never loses an event.
 */
@Injectable()
export class WebhookOutboxService
  implements EntitySubscriberInterface, OnModuleInit
{
  private readonly logger = new Logger(WebhookOutboxService.name);
  private kickPending = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.db.subscribers.push(this);
  }

  async publish(
    manager: EntityManager,
    type: WebhookEventType,
    data: object,
  ): Promise<void> {
    await this.publishMany(manager, type, [data]);
  }

  /** One insert for many events of one type (set-based callers). */
  async publishMany(
    manager: EntityManager,
    type: WebhookEventType,
    items: object[],
  ): Promise<void> {
    if (items.length === 0) return;
    await manager.query(
      `INSERT INTO webhook_events (type, data) SELECT $1, d FROM jsonb_array_elements($2::jsonb) AS d`,
      [type, JSON.stringify(items)],
    );
    this.published(manager);
  }

  /** For callers that wrote outbox rows in their own SQL: dispatch once their change commits. */
  published(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) runner.data[PENDING_FLAG] = true;
    else this.kick('publish');
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown>;
    if (!data[PENDING_FLAG]) return;
    delete data[PENDING_FLAG];
    this.kick('publish');
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    delete (event.queryRunner.data as Record<string, unknown>)[PENDING_FLAG];
  }

  /**
   * Best effort: the sweep dispatches anything a lost job left behind. Kicks within one short
   * window share a job, since one dispatch fans out every event waiting.
   */
  kick(reason: string): void {
    if (this.kickPending) return;
    this.kickPending = true;
    setTimeout(() => {
      this.kickPending = false;
      this.dispatch(reason);
    }, KICK_WINDOW_MS).unref();
  }

  private dispatch(reason: string): void {
    this.queue
      .add('dispatch', { reason } satisfies WebhookJobs['dispatch'], {
        removeOnComplete: true,
        removeOnFail: true,
      })
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Could not queue a webhook dispatch'),
      );
  }
}
