import { SegmentRecomputeQueued } from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { QUEUES, SegmentJobs } from '../queues/queue-names';
import { recomputeSql } from './segment-sql';
import { SegmentRulesService } from './segment-rules.service';

// Two recomputes at once would race on the history rows; the second waits for the first.
const RECOMPUTE_LOCK = 0x5e9_0002;
const FULL_RECOMPUTE_ID = 'segments-full-recompute';

export interface RecomputeOptions {
  /** Only these customers; everyone when omitted. */
  customerIds?: string[];
  /** The moment to compute as of (the demo seed replays history with it). */
  now?: Date;
}

export interface RecomputeResult {
  computed: number;
  changed: number;
}

@Injectable()
export class SegmentRecomputeService {
  private readonly logger = new Logger(SegmentRecomputeService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.segments) private readonly queue: Queue,
    private readonly rules: SegmentRulesService,
    private readonly audit: AuditService,
  ) {}

  /** One set-based statement: classify, upsert current segments and write history where something moved. */
  async recompute(options: RecomputeOptions = {}): Promise<RecomputeResult> {
    const ids = options.customerIds ? [...new Set(options.customerIds)] : null;
    if (ids && ids.length === 0) return { computed: 0, changed: 0 };
    const started = Date.now();
    const result = await this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [RECOMPUTE_LOCK]);
      const { rules } = await this.rules.current(manager);
      const sql = recomputeSql(rules, ids, options.now ?? new Date());
      const rows: RecomputeResult[] = await manager.query(sql.text, sql.params);
      return rows[0];
    });
    this.logger.log(
      `Recomputed ${result.computed} segment(s), ${result.changed} moved, in ${Date.now() - started} ms`,
    );
    return result;
  }

  /**
   * A full recompute; on a database that never had one, first replays the last three months
   * month by month, so the movement history starts with real moves instead of one big "new".
   */
  async recomputeWithHistory(now = new Date()): Promise<RecomputeResult> {
    const [{ exists }]: { exists: boolean }[] = await this.db.query(
      'SELECT EXISTS (SELECT 1 FROM customer_segments) AS exists',
    );
    if (!exists) {
      for (const monthsAgo of [3, 2, 1]) {
        const then = new Date(now);
        then.setUTCMonth(then.getUTCMonth() - monthsAgo);
        await this.recompute({ now: then });
      }
    }
    return this.recompute({ now });
  }

  /** Queues a full recompute; a request while one is already waiting joins it. */
  async queueFull(reason: string): Promise<SegmentRecomputeQueued> {
    const data: SegmentJobs['recompute'] = { reason };
    const job = await this.queue.add('recompute', data, {
      deduplication: { id: FULL_RECOMPUTE_ID },
    });
    return { jobId: String(job.id) };
  }

  async queueFullByStaff(ctx: RequestContext): Promise<SegmentRecomputeQueued> {
    const queued = await this.queueFull('requested by staff');
    await this.audit.record(ctx, {
      action: 'segments.recompute_requested',
      entityType: 'segments',
      after: queued,
    });
    return queued;
  }

  async scheduleHourly(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'segments-recompute-hourly',
      { pattern: '7 * * * *' },
      {
        name: 'recompute',
        data: { reason: 'hourly schedule' } satisfies SegmentJobs['recompute'],
      },
    );
  }
}
