import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { RefreshToken } from '../auth/entities/refresh-token.entity';
import { User } from '../users/entities/user.entity';
import { MaintenanceJobs, QUEUES } from './queue-names';

describe('worker started alone', () => {
  let worker: INestApplicationContext;

  beforeAll(async () => {
    process.env['RUN_WORKERS'] = 'true';
    // The same build as the API, without HTTP: what `npm run worker` starts.
    worker = await NestFactory.createApplicationContext(AppModule, {
      logger: false,
    });
    worker.enableShutdownHooks();
  });

  afterAll(async () => {
    await worker.close();
    process.env['RUN_WORKERS'] = 'false';
  });

  it('runs a queued job to completion', async () => {
    const db = worker.get(DataSource);
    const user = await db.getRepository(User).save({
      email: `w-${randomUUID()}@test.example`,
      name: 'W',
      role: 'brand',
    });
    const tokens = db.getRepository(RefreshToken);
    const stale = await tokens.save({
      userId: user.id,
      familyId: randomUUID(),
      tokenHash: randomUUID(),
      expiresAt: new Date(Date.now() - 30 * 86_400_000),
    });
    const fresh = await tokens.save({
      userId: user.id,
      familyId: randomUUID(),
      tokenHash: randomUUID(),
      expiresAt: new Date(Date.now() + 86_400_000),
    });

    const queue = worker.get<Queue>(getQueueToken(QUEUES.maintenance));
    const events = new QueueEvents(QUEUES.maintenance, {
      connection: queue.opts.connection,
      prefix: queue.opts.prefix,
    });
    await events.waitUntilReady();
    const job = await queue.add('purge-expired-tokens', {
      olderThanDays: 7,
    } satisfies MaintenanceJobs['purge-expired-tokens']);
    const result = await job.waitUntilFinished(events, 15_000);
    await events.close();

    expect(result.purged).toBeGreaterThanOrEqual(1);
    expect(await tokens.existsBy({ id: stale.id })).toBe(false);
    expect(await tokens.existsBy({ id: fresh.id })).toBe(true);
  });
});
