import {
  ConversionEventRequest,
  ConversionEventResponse,
} from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, QueryRunner } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { QUEUES, SegmentJobs } from '../../queues/queue-names';
import { ConversionHandlers } from './conversion-handlers';
import { EVENT_LANES } from './event-inbox.service';

/** Events read per lane per round. */
const BATCH = 100;
const IDLE_POLL_MS = 250;
/** A failing event is retried this often, with backoff, before it is parked as failed. */
export const MAX_EVENT_ATTEMPTS = 6;
const MAX_BACKOFF_MS = 10 * 60_000;
/** Advocacy-wide key space for the session locks that make one process own a lane. */
const LANE_LOCK_SPACE = 7_310_001;

interface InboxRow {
  id: string;
  payload: ConversionEventRequest;
  attempts: number;
  due: boolean;
}

/**
 * Processes stored events in the order they arrived within each lane, each in its own
 * transaction that also marks it processed, so a crash at any point processes it exactly once.
 * A session advisory lock per lane keeps two workers from racing through the same customer's events.
 */
@Injectable()
export class EventProcessorService
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(EventProcessorService.name);
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly handlers: ConversionHandlers,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.segments) private readonly segments: Queue,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.RUN_WORKERS) return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop?.catch(() => undefined);
  }

  /** Processes everything due now in every lane; answers how many events it processed. */
  async drain(): Promise<number> {
    const counts = await Promise.all(
      Array.from({ length: EVENT_LANES }, (_, lane) => this.drainLane(lane)),
    );
    return counts.reduce((sum, n) => sum + n, 0);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        // An idle worker asks once per tick instead of taking four lane locks.
        if (!(await this.anythingDue()) || (await this.drain()) === 0)
          await sleep(IDLE_POLL_MS);
      } catch (error) {
        this.logger.error({ err: error }, 'Processing events failed; retrying');
        await sleep(1000);
      }
    }
  }

  private async anythingDue(): Promise<boolean> {
    const rows: { due: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM referral_events
                       WHERE state = 'received' AND coalesce(next_attempt_at <= now(), true)) AS due`,
    );
    return rows[0].due;
  }

  private async drainLane(lane: number): Promise<number> {
    const owner = this.db.createQueryRunner();
    try {
      const [{ locked }]: { locked: boolean }[] = await owner.query(
        'SELECT pg_try_advisory_lock($1, $2) AS locked',
        [LANE_LOCK_SPACE, lane],
      );
      if (!locked) return 0;
      try {
        return await this.processLane(owner, lane);
      } finally {
        await owner.query('SELECT pg_advisory_unlock($1, $2)', [
          LANE_LOCK_SPACE,
          lane,
        ]);
      }
    } finally {
      await owner.release();
    }
  }

  private async processLane(owner: QueryRunner, lane: number): Promise<number> {
    let processed = 0;
    for (;;) {
      const rows: InboxRow[] = await owner.query(
        `SELECT id, payload, attempts, coalesce(next_attempt_at <= now(), true) AS due FROM referral_events
          WHERE state = 'received' AND lane = $1
          ORDER BY seq LIMIT $2`,
        [lane, BATCH],
      );
      if (rows.length === 0) return processed;
      for (const row of rows) {
        // A later event of this lane must wait for an earlier one that is backing off.
        if (!(await this.processOne(row))) return processed;
        processed += 1;
      }
    }
  }

  /** False when the event failed and is waiting to be retried. */
  private async processOne(row: InboxRow): Promise<boolean> {
    if (!row.due) return false;
    try {
      const recompute = await this.db.transaction(async (manager) => {
        const handled = await this.handlers.handle(manager, row.payload);
        const result: ConversionEventResponse = {
          eventId: row.payload.id,
          outcome: handled.outcome,
          referralId: handled.referralId,
        };
        const marked: unknown[] = await manager.query(
          `UPDATE referral_events SET state = 'processed', result = $2, processed_at = now(),
                  attempts = attempts + 1, last_error = NULL, next_attempt_at = NULL
            WHERE id = $1 AND state = 'received' RETURNING id`,
          [row.id, JSON.stringify(result)],
        );
        // Someone else processed it meanwhile: undo this attempt's effects.
        if (marked.length === 0) throw new AlreadyProcessed();
        return handled.recompute;
      });
      if (recompute.length > 0) {
        const data: SegmentJobs['recompute'] = {
          customerIds: recompute,
          reason: 'referral qualified',
        };
        await this.segments.add('recompute', data);
      }
      return true;
    } catch (error) {
      if (error instanceof AlreadyProcessed) return true;
      return this.recordFailure(row, error);
    }
  }

  private async recordFailure(row: InboxRow, error: unknown): Promise<boolean> {
    const attempts = row.attempts + 1;
    const parked = attempts >= MAX_EVENT_ATTEMPTS;
    const backoffMs = Math.min(1000 * 2 ** attempts, MAX_BACKOFF_MS);
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(
      { err: error, eventId: row.payload.id, attempts },
      parked ? 'Event parked as failed' : 'Event failed; will retry',
    );
    await this.db.query(
      `UPDATE referral_events SET attempts = $2, last_error = $3,
              state = CASE WHEN $4 THEN 'failed' ELSE state END,
              next_attempt_at = CASE WHEN $4 THEN NULL ELSE now() + make_interval(secs => $5::float8 / 1000) END
        WHERE id = $1`,
      [row.id, attempts, message.slice(0, 500), parked, backoffMs],
    );
    return parked;
  }
}

class AlreadyProcessed extends Error {}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
