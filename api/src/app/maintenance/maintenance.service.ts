import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { queryReturning } from '../database/sql';
import { MaintenanceJobs, QUEUES } from '../queues/queue-names';

@Injectable()
export class MaintenanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {}

  /** Refresh tokens past expiry or revocation are kept a while for reuse detection, then dropped. */
  async purgeExpiredTokens(
    payload: MaintenanceJobs['purge-expired-tokens'],
  ): Promise<number> {
    const rows = await queryReturning<{ id: string }>(
      this.db,
      `DELETE FROM refresh_tokens
        WHERE coalesce(revoked_at, expires_at) < now() - make_interval(days => $1)
        RETURNING id`,
      [payload.olderThanDays],
    );
    return rows.length;
  }

  async scheduleDaily(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'purge-expired-tokens-daily',
      { pattern: '17 3 * * *' },
      {
        name: 'purge-expired-tokens',
        data: {
          olderThanDays: 7,
        } satisfies MaintenanceJobs['purge-expired-tokens'],
      },
    );
  }
}
