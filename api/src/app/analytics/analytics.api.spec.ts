import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';
import {
  insertCustomer,
  insertResponse,
  insertSurvey,
} from '../segments/testing/segment-fixtures';

// A month no other suite writes to, so the counts are exactly ours.
const MARCH = {
  from: '2019-03-01T00:00:00.000Z',
  to: '2019-04-01T00:00:00.000Z',
};
const FEB_MAR = {
  from: '2019-02-01T00:00:00.000Z',
  to: '2019-04-01T00:00:00.000Z',
};

const query = (params: Record<string, string | number>) =>
  new URLSearchParams(
    Object.entries(params).map(([k, v]) => [k, String(v)]),
  ).toString();

/** The design's adjusted-Wald interval, written out independently of libs. */
function expectedInterval(p: number, d: number, n: number) {
  const nAdj = n + 3;
  const pa = (p + 0.75) / nAdj;
  const da = (d + 0.75) / nAdj;
  const margin = 1.96 * 100 * Math.sqrt((pa + da - (pa - da) ** 2) / nAdj);
  return { low: 100 * (pa - da) - margin, high: 100 * (pa - da) + margin };
}

describe('NPS dashboard (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let brand: TestUser;
  let detractorCustomer: string;

  const get = (url: string, user: TestUser = brand) =>
    app.inject({ method: 'GET', url, headers: bearer(user) });

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    brand = await createUser(app, 'brand');
    const nps = await insertSurvey(db, 'nps');
    const csat = await insertSurvey(db, 'csat');
    const scores = [
      ...Array.from({ length: 70 }, (_, i) => (i % 2 ? 9 : 10)),
      ...Array.from({ length: 10 }, (_, i) => (i % 2 ? 7 : 8)),
      ...Array.from({ length: 20 }, (_, i) => i % 7),
    ];
    for (const [i, score] of scores.entries()) {
      const customerId = await insertCustomer(db, { name: `March ${i}` });
      const comment =
        i === 0
          ? 'Love it, "really"'
          : i === 75
            ? '=HYPERLINK("x")'
            : i === 80
              ? 'Too slow'
              : null;
      await insertResponse(db, {
        surveyId: nps,
        customerId,
        score,
        at: new Date(Date.UTC(2019, 2, 1 + (i % 28), 10, i % 60)),
        comment,
      });
      if (i === 80) detractorCustomer = customerId;
      if (i < 10)
        await insertResponse(db, {
          surveyId: csat,
          customerId,
          kind: 'csat',
          score: i < 8 ? 5 : 2,
          at: new Date(Date.UTC(2019, 2, 10)),
        });
    }
    // February: 10 answers, all detractors.
    for (let i = 0; i < 10; i++) {
      const customerId = await insertCustomer(db);
      await insertResponse(db, {
        surveyId: nps,
        customerId,
        score: 3,
        at: new Date(Date.UTC(2019, 1, 5 + i)),
      });
    }
    await db.query(
      `INSERT INTO customer_segments (customer_id, segment_key, nps_category, last_score, advocacy_level, loyalty, churn_risk, computed_at)
       VALUES ($1, 'detractors', 'detractor', 0, 'passive', 'none', true, now())`,
      [detractorCustomer],
    );
  });

  afterAll(async () => {
    await app.close();
  });

  it('gives NPS 50 with its interval for 70 promoters, 10 passives and 20 detractors', async () => {
    const response = await get(
      `/api/v1/analytics/nps?${query({ interval: 'month', ...MARCH })}`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.periods).toHaveLength(1);
    const [march] = body.periods;
    expect(march).toMatchObject({
      period: '2019-03-01',
      n: 100,
      promoters: 70,
      passives: 10,
      detractors: 20,
      nps: 50,
      lowConfidence: false,
    });
    const expected = expectedInterval(70, 20, 100);
    expect(march.ci.low).toBeCloseTo(expected.low, 6);
    expect(march.ci.high).toBeCloseTo(expected.high, 6);
    expect(march.ci.low).toBeCloseTo(32.9, 1);
    expect(body.overall).toMatchObject({ n: 100, nps: 50 });
  });

  it('flags small samples, keeps empty periods and tests the last change', async () => {
    const body = (
      await get(
        `/api/v1/analytics/nps?${query({ interval: 'month', ...FEB_MAR })}`,
      )
    ).json();
    expect(body.periods.map((p: { period: string }) => p.period)).toEqual([
      '2019-02-01',
      '2019-03-01',
    ]);
    expect(body.periods[0]).toMatchObject({
      n: 10,
      nps: -100,
      lowConfidence: true,
    });
    expect(body.change).toMatchObject({
      current: '2019-03-01',
      previous: '2019-02-01',
      difference: 150,
      significant: true,
    });

    const weeks = (
      await get(
        `/api/v1/analytics/nps?${query({ interval: 'week', from: '2019-03-04T00:00:00Z', to: '2019-03-18T00:00:00Z' })}`,
      )
    ).json();
    expect(weeks.periods.map((p: { period: string }) => p.period)).toEqual([
      '2019-03-04',
      '2019-03-11',
    ]);
  });

  it('filters by current segment', async () => {
    const body = (
      await get(
        `/api/v1/analytics/nps?${query({ ...MARCH, segment: 'detractors' })}`,
      )
    ).json();
    expect(body.overall).toMatchObject({
      n: 1,
      detractors: 1,
      nps: -100,
      lowConfidence: true,
    });
  });

  it('counts each score 0–10', async () => {
    const body = (
      await get(`/api/v1/analytics/nps/distribution?${query(MARCH)}`)
    ).json();
    expect(body.n).toBe(100);
    expect(body.counts).toHaveLength(11);
    expect(body.counts[10]).toBe(35);
    expect(body.counts[9]).toBe(35);
    expect(body.counts[7] + body.counts[8]).toBe(10);
  });

  it('gives CSAT as the share of 4 and 5', async () => {
    const body = (await get(`/api/v1/analytics/csat?${query(MARCH)}`)).json();
    expect(body.overall).toMatchObject({ n: 10, satisfied: 8, csat: 80 });
    expect(body.periods[0]).toMatchObject({ period: '2019-03-01', csat: 80 });
  });

  it('lists comments newest first, filtered by score and segment, paginated', async () => {
    const all = (
      await get(
        `/api/v1/analytics/verbatims?${query({ ...MARCH, pageSize: 2 })}`,
      )
    ).json();
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(2);
    expect(
      new Date(all.items[0].respondedAt) >= new Date(all.items[1].respondedAt),
    ).toBe(true);

    const low = (
      await get(
        `/api/v1/analytics/verbatims?${query({ ...MARCH, minScore: 0, maxScore: 6 })}`,
      )
    ).json();
    expect(low.items.map((v: { comment: string }) => v.comment)).toEqual([
      'Too slow',
    ]);

    const seg = (
      await get(
        `/api/v1/analytics/verbatims?${query({ ...MARCH, segment: 'detractors' })}`,
      )
    ).json();
    expect(seg.items).toEqual([
      expect.objectContaining({
        comment: 'Too slow',
        segmentKey: 'detractors',
        segmentName: 'Detractors',
      }),
    ]);
  });

  it('refuses bad filters with field messages', async () => {
    const range = await get(
      `/api/v1/analytics/verbatims?minScore=8&maxScore=3`,
    );
    expect(range.statusCode).toBe(400);
    expect(range.json().errors).toEqual({
      minScore: 'must not be above the maximum score',
    });
    const score = await get(`/api/v1/analytics/verbatims?minScore=11`);
    expect(score.json().errors).toEqual({
      minScore: 'must be a whole number from 0 to 10',
    });
    const interval = await get(`/api/v1/analytics/nps?interval=day`);
    expect(interval.statusCode).toBe(400);
    expect(interval.json().errors).toHaveProperty('interval');
    const order = await get(
      `/api/v1/analytics/nps?from=2020-01-01T00:00:00Z&to=2019-01-01T00:00:00Z`,
    );
    expect(order.json().errors).toEqual({ from: 'must be before to' });
  });

  it('exports the NPS table and the comments as CSV', async () => {
    const table = await get(
      `/api/v1/analytics/nps/export?${query({ interval: 'month', ...MARCH })}`,
    );
    expect(table.statusCode).toBe(200);
    expect(table.headers['content-type']).toMatch(/^text\/csv/);
    expect(table.headers['content-disposition']).toBe(
      'attachment; filename="nps-by-month.csv"',
    );
    expect(table.body.split('\r\n')).toEqual([
      'period,n,promoters,passives,detractors,nps,ci_low,ci_high,low_confidence',
      '2019-03-01,100,70,10,20,50,32.9,64.1,false',
      '',
    ]);

    const comments = await get(
      `/api/v1/analytics/verbatims/export?${query(MARCH)}`,
    );
    const lines = comments.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'responded_at,customer,kind,score,segment,channel,comment',
    );
    expect(lines).toHaveLength(4);
    expect(comments.body).toContain(',"Love it, ""really"""');
    // A comment that looks like a formula is defused for spreadsheets.
    expect(comments.body).toContain(`,"'=HYPERLINK(""x"")"`);
  });

  it('is closed to advocates', async () => {
    const advocate = await createUser(app, 'advocate');
    for (const url of [
      '/api/v1/analytics/nps',
      '/api/v1/analytics/verbatims',
      '/api/v1/analytics/nps/export',
    ]) {
      expect((await get(url, advocate)).statusCode).toBe(403);
    }
  });
});
