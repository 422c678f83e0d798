import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../../test/test-app';
import { SeedService } from './seed.service';

describe('demo cases and webhooks seed (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  const summary = async () =>
    db.query<{ state: string; overdue: boolean; n: number }[]>(
      `SELECT state, (state IN ('open', 'contacted') AND due_at < now()) AS overdue, count(*)::int AS n
         FROM followup_cases c JOIN customers cu ON cu.id = c.customer_id
        WHERE cu.email LIKE '%@example.com' GROUP BY 1, 2 ORDER BY 1, 2`,
    );

  it('seeds cases in every state, some overdue, and a disabled endpoint with a log, once', async () => {
    await app.get(SeedService).run();
    const first = await summary();
    expect(first).toEqual([
      { state: 'closed_without_fix', overdue: false, n: 1 },
      { state: 'contacted', overdue: false, n: 1 },
      { state: 'contacted', overdue: true, n: 1 },
      { state: 'open', overdue: false, n: 1 },
      { state: 'open', overdue: true, n: 2 },
      { state: 'resolved', overdue: false, n: 3 },
    ]);
    const [endpoint] = await db.query<
      { active: boolean; deliveries: number; attempts: number }[]
    >(
      `SELECT e.active,
              (SELECT count(*)::int FROM webhook_deliveries d WHERE d.endpoint_id = e.id) AS deliveries,
              (SELECT count(*)::int FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
                WHERE d.endpoint_id = e.id) AS attempts
         FROM webhook_endpoints e WHERE e.url = 'https://example.com/webhooks/advocacy'`,
    );
    expect(endpoint).toEqual({ active: false, deliveries: 3, attempts: 6 });

    await app.get(SeedService).run();
    expect(await summary()).toEqual(first);
    const [{ endpoints }] = await db.query<{ endpoints: number }[]>(
      `SELECT count(*)::int AS endpoints FROM webhook_endpoints WHERE url = 'https://example.com/webhooks/advocacy'`,
    );
    expect(endpoints).toBe(1);
  });
});
