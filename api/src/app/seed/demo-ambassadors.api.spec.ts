import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../../test/test-app';
import { SeedService } from './seed.service';

describe('demo ambassadors (seed)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('seeds the Insiders programme with applications in every state, perks and training, once', async () => {
    const db = app.get(DataSource);
    await app.get(SeedService).run();
    const count = async () =>
      (await db.query(
        `SELECT a.state, count(*)::int AS n FROM ambassador_applications a
           JOIN ambassador_programmes p ON p.id = a.programme_id
          WHERE p.slug = 'insiders' GROUP BY 1 ORDER BY 1`,
      )) as { state: string; n: number }[];
    const first = await count();
    expect(first.map((r) => r.state)).toEqual([
      'approved',
      'in_review',
      'rejected',
      'submitted',
      'waitlisted',
      'withdrawn',
    ]);
    const [extras] = await db.query(
      `SELECT (SELECT count(*)::int FROM ambassador_perks pk WHERE pk.programme_id = p.id) AS perks,
              (SELECT count(*)::int FROM ambassador_training_modules m WHERE m.programme_id = p.id) AS modules,
              (SELECT count(*)::int FROM ambassador_training_completions t
                 JOIN ambassador_training_modules m ON m.id = t.module_id WHERE m.programme_id = p.id) AS completions,
              (SELECT count(*)::int FROM ambassador_applications a WHERE a.programme_id = p.id
                 AND a.segment_snapshot->>'npsCategory' <> 'promoter') AS off_rule
         FROM ambassador_programmes p WHERE p.slug = 'insiders'`,
    );
    expect(extras).toMatchObject({ perks: 2, modules: 3, off_rule: 0 });
    expect(extras.completions).toBeGreaterThan(3);
    // Other test files approve ambassadors in the same database: count this programme's only.
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM ambassador_applications a
         JOIN ambassador_programmes p ON p.id = a.programme_id
         JOIN customers c ON c.id = a.customer_id
        WHERE p.slug = 'insiders' AND a.state = 'approved' AND c.ambassador_since IS NOT NULL`,
    );
    expect(n).toBe(4);
    await app.get(SeedService).run();
    expect(await count()).toEqual(first);
  });
});
