import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../../../test/test-app';
import { IdempotencyService } from './idempotency.service';

describe('idempotency key purge (API)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('drops keys older than the window and keeps recent ones', async () => {
    const db = app.get(DataSource);
    const scope = `purge-test:${randomUUID()}`;
    await db.query(
      `INSERT INTO idempotency_keys (scope, key, route, request_hash, created_at)
       VALUES ($1, 'old', 'POST x', 'h', now() - interval '25 hours'),
              ($1, 'fresh', 'POST x', 'h', now() - interval '23 hours')`,
      [scope],
    );
    expect(
      await app.get(IdempotencyService).purgeOlderThan(24),
    ).toBeGreaterThanOrEqual(1);
    const left: { key: string }[] = await db.query(
      `SELECT key FROM idempotency_keys WHERE scope = $1`,
      [scope],
    );
    expect(left.map((row) => row.key)).toEqual(['fresh']);
  });
});
