import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { QUEUES, WebhookJobs } from '../queues/queue-names';

const BATCH = 500;

/** How long events and their delivery logs are kept; replays reach back this far. */
export const WEBHOOK_RETENTION_DAYS = 90;

/** Turns outbox events into deliveries and queues each delivery's job. */
@Injectable()
export class WebhookDispatcherService {
  private readonly logger = new Logger(WebhookDispatcherService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  /**
   * Fans undispatched events out to every active endpoint subscribed to their type (a test event
   * only to its own endpoint). Safe to run concurrently and twice: rows are locked with SKIP LOCKED
   * and a delivery per (event, endpoint) is unique. Answers the deliveries created.
   */
  async dispatchPending(): Promise<string[]> {
    const created: string[] = [];
    for (;;) {
      const [row] = await this.db.transaction((manager) =>
        manager.query<{ events: number; ids: string[] }[]>(
          `WITH picked AS (
             SELECT id, type, endpoint_id FROM webhook_events
              WHERE dispatched_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED),
           marked AS (UPDATE webhook_events SET dispatched_at = now() WHERE id IN (SELECT id FROM picked)),
           inserted AS (
             INSERT INTO webhook_deliveries (event_id, endpoint_id)
             SELECT p.id, e.id FROM picked p JOIN webhook_endpoints e ON e.active
                AND CASE WHEN p.endpoint_id IS NOT NULL THEN e.id = p.endpoint_id ELSE p.type = ANY(e.events) END
             ON CONFLICT DO NOTHING RETURNING id)
           SELECT (SELECT count(*)::int FROM picked) AS events,
                  (SELECT coalesce(array_agg(id::text), '{}') FROM inserted) AS ids`,
          [BATCH],
        ),
      );
      const ids = row?.ids ?? [];
      created.push(...ids);
      await this.enqueue(ids);
      if ((row?.events ?? 0) < BATCH) break;
    }
    return created;
  }

  /** Deliveries whose job was lost (Redis restarted) get one again; the job id keeps it single. */
  async requeueStranded(): Promise<number> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT id FROM webhook_deliveries
        WHERE state IN ('pending', 'retrying') AND created_at < now() - interval '1 minute'
        ORDER BY created_at LIMIT $1`,
      [BATCH],
    );
    await this.enqueue(rows.map((row) => row.id));
    return rows.length;
  }

  /**
   * Drops events older than the retention, with their deliveries and attempts, unless a delivery
   * is still pending or retrying. Answers how many events went.
   */
  async purgeExpired(): Promise<number> {
    const rows = await this.db.query<{ id: string }[]>(
      `DELETE FROM webhook_events ev
        WHERE ev.id IN (
          SELECT e.id FROM webhook_events e
           WHERE e.created_at < now() - make_interval(days => $1) AND e.dispatched_at IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
                              WHERE d.event_id = e.id AND d.state IN ('pending', 'retrying'))
           LIMIT $2)
        RETURNING ev.id`,
      [WEBHOOK_RETENTION_DAYS, BATCH * 10],
    );
    return rows.length;
  }

  async enqueue(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    try {
      await this.queue.addBulk(
        deliveryIds.map((deliveryId) => ({
          name: 'deliver',
          data: { deliveryId } satisfies WebhookJobs['deliver'],
          opts: {
            jobId: deliveryId,
            attempts: this.config.WEBHOOKS_MAX_ATTEMPTS,
            backoff: {
              type: 'exponential',
              delay: this.config.WEBHOOKS_RETRY_BASE_MS,
            },
          },
        })),
      );
    } catch (error) {
      this.logger.warn(
        { err: error, count: deliveryIds.length },
        'Could not queue webhook deliveries; the sweep retries',
      );
    }
  }
}
