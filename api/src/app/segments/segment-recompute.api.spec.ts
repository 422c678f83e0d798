import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { bearer, createTestApp, createUser } from '../../../test/test-app';
import { SegmentRecomputeService } from './segment-recompute.service';
import { SegmentSnapshotService } from './segment-snapshot.service';
import {
  daysBefore,
  insertCustomer,
  insertResponse,
  insertSurvey,
} from './testing/segment-fixtures';

interface SegmentRow {
  customer_id: string;
  segment_key: string;
  nps_category: string;
  last_score: number | null;
  advocacy_level: string;
  loyalty: string;
  churn_risk: boolean;
  computed_at: Date;
}

describe('segment recompute (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let service: SegmentRecomputeService;
  let surveyId: string;
  const now = new Date('2026-06-01T12:00:00Z');
  const ids: Record<string, string> = {};

  const segmentsOf = async (customerIds: string[]) => {
    const rows: SegmentRow[] = await db.query(
      'SELECT * FROM customer_segments WHERE customer_id = ANY($1::uuid[])',
      [customerIds],
    );
    return new Map(rows.map((row) => [row.customer_id, row]));
  };
  const changesOf = (customerId: string) =>
    db.query(
      'SELECT * FROM segment_changes WHERE customer_id = $1 ORDER BY id',
      [customerId],
    ) as Promise<Record<string, unknown>[]>;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    service = app.get(SegmentRecomputeService);
    surveyId = await insertSurvey(db, 'nps');
    const recent = daysBefore(now, 5);
    const score = (customerId: string, value: number, daysAgo: number) =>
      insertResponse(db, {
        surveyId,
        customerId,
        score: value,
        at: daysBefore(now, daysAgo),
      });

    ids.promoter = await insertCustomer(db, { lastPurchaseAt: recent });
    await score(ids.promoter, 10, 10);
    ids.champion = await insertCustomer(db, {
      lastPurchaseAt: recent,
      lastAdvocacyAt: recent,
    });
    await score(ids.champion, 9, 10);
    ids.detractor = await insertCustomer(db, { lastPurchaseAt: recent });
    await score(ids.detractor, 3, 10);
    ids.dropped = await insertCustomer(db, { lastPurchaseAt: recent });
    await score(ids.dropped, 10, 60);
    await score(ids.dropped, 7, 10);
    ids.stale = await insertCustomer(db, { lastPurchaseAt: recent });
    await score(ids.stale, 9, 400);
    ids.inactive = await insertCustomer(db, {});
    ids.ambassador = await insertCustomer(db, {
      lastPurchaseAt: recent,
      ambassadorSince: daysBefore(now, 300),
    });
    ids.passive = await insertCustomer(db, {
      lastPurchaseAt: recent,
      purchaseCount: 3,
    });
    await score(ids.passive, 8, 20);
  });

  afterAll(async () => {
    await app.close();
  });

  it('classifies every customer in one pass and records where each one started', async () => {
    const all = Object.values(ids);
    const result = await service.recompute({ customerIds: all, now });
    expect(result).toEqual({ computed: all.length, changed: all.length });

    const rows = await segmentsOf(all);
    const view = (id: string) => {
      const row = rows.get(id);
      return (
        row && {
          key: row.segment_key,
          category: row.nps_category,
          score: row.last_score,
          level: row.advocacy_level,
          loyalty: row.loyalty,
          churn: row.churn_risk,
        }
      );
    };
    expect(view(ids.promoter)).toEqual({
      key: 'promoters',
      category: 'promoter',
      score: 10,
      level: 'passive',
      loyalty: 'attitudinal',
      churn: false,
    });
    expect(view(ids.champion)).toEqual({
      key: 'champions',
      category: 'promoter',
      score: 9,
      level: 'active',
      loyalty: 'advocacy',
      churn: false,
    });
    expect(view(ids.detractor)).toEqual({
      key: 'detractors',
      category: 'detractor',
      score: 3,
      level: 'passive',
      loyalty: 'none',
      churn: true,
    });
    // 10 → 7 is a fall of three points: still a passive, but at risk.
    expect(view(ids.dropped)).toEqual({
      key: 'at-risk',
      category: 'passive',
      score: 7,
      level: 'passive',
      loyalty: 'none',
      churn: true,
    });
    // An answer older than the 180-day window no longer counts.
    expect(view(ids.stale)).toEqual({
      key: 'unsurveyed',
      category: 'unknown',
      score: 9,
      level: 'passive',
      loyalty: 'none',
      churn: false,
    });
    // No purchase and no advocacy act at all is a churn risk.
    expect(view(ids.inactive)).toEqual({
      key: 'at-risk',
      category: 'unknown',
      score: null,
      level: 'passive',
      loyalty: 'none',
      churn: true,
    });
    expect(view(ids.ambassador)).toEqual({
      key: 'unsurveyed',
      category: 'unknown',
      score: null,
      level: 'ambassador',
      loyalty: 'advocacy',
      churn: false,
    });
    expect(view(ids.passive)).toEqual({
      key: 'passives',
      category: 'passive',
      score: 8,
      level: 'passive',
      loyalty: 'behavioural',
      churn: false,
    });

    const [first] = await changesOf(ids.promoter);
    expect(first).toMatchObject({
      from_segment_key: null,
      to_segment_key: 'promoters',
      from_nps_category: null,
      to_nps_category: 'promoter',
    });

    const snapshot = await app
      .get(SegmentSnapshotService)
      .snapshotFor(ids.champion);
    expect(snapshot).toMatchObject({
      segmentKey: 'champions',
      segmentName: 'Champions',
      npsCategory: 'promoter',
    });
  });

  it('writes history only for customers whose segment or category moved', async () => {
    const all = Object.values(ids);
    expect(await service.recompute({ customerIds: all, now })).toEqual({
      computed: all.length,
      changed: 0,
    });

    await insertResponse(db, {
      surveyId,
      customerId: ids.passive,
      score: 10,
      at: daysBefore(now, 1),
    });
    expect(await service.recompute({ customerIds: all, now })).toEqual({
      computed: all.length,
      changed: 1,
    });

    const changes = await changesOf(ids.passive);
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({
      from_segment_key: 'passives',
      to_segment_key: 'promoters',
      from_nps_category: 'passive',
      to_nps_category: 'promoter',
    });
    expect((changes[1]['changed_at'] as Date).toISOString()).toBe(
      now.toISOString(),
    );
    expect(await changesOf(ids.promoter)).toHaveLength(1);
  });

  it('recomputes only the customers it is given', async () => {
    const later = new Date(now.getTime() + 3600_000);
    await insertResponse(db, {
      surveyId,
      customerId: ids.detractor,
      score: 9,
      at: daysBefore(later, 0.01),
    });
    await insertResponse(db, {
      surveyId,
      customerId: ids.promoter,
      score: 2,
      at: daysBefore(later, 0.01),
    });

    expect(
      await service.recompute({ customerIds: [ids.detractor], now: later }),
    ).toEqual({ computed: 1, changed: 1 });

    const rows = await segmentsOf([ids.detractor, ids.promoter]);
    expect(rows.get(ids.detractor)?.segment_key).toBe('promoters');
    expect(rows.get(ids.detractor)?.computed_at.toISOString()).toBe(
      later.toISOString(),
    );
    // Untouched: still the segment and time of the previous run.
    expect(rows.get(ids.promoter)?.segment_key).toBe('promoters');
    expect(rows.get(ids.promoter)?.computed_at.toISOString()).toBe(
      now.toISOString(),
    );
  });

  it('a full recompute reaches every customer', async () => {
    const fresh = await insertCustomer(db, { lastPurchaseAt: now });
    const result = await service.recompute({
      now: new Date(now.getTime() + 7200_000),
    });
    const [{ count }]: { count: number }[] = await db.query(
      'SELECT count(*)::int AS count FROM customers',
    );
    expect(result.computed).toBe(count);
    expect((await segmentsOf([fresh])).get(fresh)?.segment_key).toBe(
      'unsurveyed',
    );
  });

  it('reports moves between segments for a period', async () => {
    const staff = await createUser(app, 'brand');
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/segments/movement?from=${encodeURIComponent(daysBefore(now, 0.5).toISOString())}&to=${encodeURIComponent(new Date(now.getTime() + 1000).toISOString())}`,
      headers: bearer(staff),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.moves).toContainEqual({
      from: 'passives',
      to: 'promoters',
      count: 1,
    });
    expect(body.categoryMoves).toContainEqual({
      from: 'passive',
      to: 'promoter',
      count: 1,
    });
    expect(body.segments.map((s: { key: string }) => s.key)).toContain(
      'at-risk',
    );
  });

  it('refuses a movement period that ends before it starts', async () => {
    const staff = await createUser(app, 'manager');
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/segments/movement?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      headers: bearer(staff),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual({ from: 'must be before to' });
  });
});
