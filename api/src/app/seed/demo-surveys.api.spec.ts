import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { npsSummary } from '@advocacy/shared';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../../test/test-app';
import { SeedService } from './seed.service';

describe('demo surveys seed (API)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('seeds a year of NPS that climbs, quickly, and adds nothing when run again', async () => {
    const db = app.get(DataSource);
    const now = new Date();
    const started = Date.now();
    await app.get(SeedService).run(now);
    expect(Date.now() - started).toBeLessThan(5000);
    const count = async () =>
      (
        await db.query(
          "SELECT count(*)::int AS n FROM survey_responses WHERE external_id LIKE 'seed-%'",
        )
      )[0].n as number;
    const first = await count();
    expect(first).toBeGreaterThan(700);

    const scores = async (from: number, to: number) =>
      (
        await db.query(
          `SELECT score FROM survey_responses WHERE kind = 'nps' AND external_id LIKE 'seed-%'
              AND responded_at >= now() - make_interval(days => $1) AND responded_at < now() - make_interval(days => $2)`,
          [from, to],
        )
      ).map((r: { score: number }) => r.score);
    const counts = (list: number[]) => ({
      promoters: list.filter((s) => s >= 9).length,
      passives: list.filter((s) => s === 7 || s === 8).length,
      detractors: list.filter((s) => s <= 6).length,
    });
    const early = npsSummary(counts(await scores(360, 270))).nps ?? 0;
    const late = npsSummary(counts(await scores(90, 0))).nps ?? 0;
    expect(late).toBeGreaterThan(early);

    await app.get(SeedService).run(new Date(now.getTime() + 60_000));
    expect(await count()).toBe(first);
    const surveys = await db.query(
      "SELECT name FROM surveys WHERE name IN ('Relationship NPS', 'Order satisfaction')",
    );
    expect(surveys).toHaveLength(2);
  });
});
