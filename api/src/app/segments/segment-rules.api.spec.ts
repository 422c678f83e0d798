import { DEFAULT_SEGMENT_RULES, SegmentRules } from '@advocacy/shared';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';
import { QUEUES } from '../queues/queue-names';
import { insertCustomer } from './testing/segment-fixtures';

const clone = (rules: SegmentRules): SegmentRules =>
  JSON.parse(JSON.stringify(rules));

describe('segment rules (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let manager: TestUser;

  const put = (user: TestUser, payload: unknown) =>
    app.inject({
      method: 'PUT',
      url: '/api/v1/segments/rules',
      headers: bearer(user),
      payload: payload as object,
    });
  const preview = (user: TestUser, payload: unknown) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/segments/rules/preview',
      headers: bearer(user),
      payload: payload as object,
    });

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    manager = await createUser(app, 'manager');
  });

  afterAll(async () => {
    // Other suites share this database, so the defaults go back.
    await put(manager, DEFAULT_SEGMENT_RULES);
    await app.close();
  });

  it('creates the brand-wide defaults the first time they are read', async () => {
    const brand = await createUser(app, 'brand');
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/segments/rules',
      headers: bearer(brand),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().rules).toEqual(DEFAULT_SEGMENT_RULES);
    const [{ count }]: { count: number }[] = await db.query(
      'SELECT count(*)::int AS count FROM segment_rule_sets WHERE programme_id IS NULL',
    );
    expect(count).toBe(1);
  });

  it.each([
    [
      'a window of zero days',
      (r: SegmentRules) => (r.npsWindowDays = 0),
      'npsWindowDays',
      'must be a whole number from 1 to 3650',
    ],
    [
      'a window past ten years',
      (r: SegmentRules) => (r.churnInactiveDays = 3651),
      'churnInactiveDays',
      'must be a whole number from 1 to 3650',
    ],
    [
      'a drop of 11 points',
      (r: SegmentRules) => (r.npsDropPoints = 11),
      'npsDropPoints',
      'must be a whole number from 1 to 10',
    ],
    [
      'no segments',
      (r: SegmentRules) => (r.segments = []),
      'segments',
      'needs at least one segment',
    ],
    [
      'a duplicate key',
      (r: SegmentRules) => (r.segments[1].key = 'champions'),
      'segments[1].key',
      'is already used by another segment',
    ],
    [
      'a key that is not kebab-case',
      (r: SegmentRules) => (r.segments[0].key = 'Top Fans'),
      'segments[0].key',
      expect.stringContaining('lower-case'),
    ],
    [
      'a 41-character name',
      (r: SegmentRules) => (r.segments[0].name = 'x'.repeat(41)),
      'segments[0].name',
      'must be at most 40 characters',
    ],
    [
      'an unknown category',
      (r: SegmentRules) =>
        (r.segments[0].npsCategories = ['fan' as 'promoter']),
      'segments[0].npsCategories',
      expect.stringContaining('each must be one of'),
    ],
    [
      'an unknown advocacy level',
      (r: SegmentRules) =>
        (r.segments[0].advocacyLevels = ['hero' as 'active']),
      'segments[0].advocacyLevels',
      expect.stringContaining('each must be one of'),
    ],
    [
      'a last segment with conditions',
      (r: SegmentRules) => r.segments.pop(),
      'segments',
      expect.stringContaining('last segment must have no conditions'),
    ],
  ])(
    'refuses %s with a field message and saves nothing',
    async (_label, mutate, field, message) => {
      const rules = clone(DEFAULT_SEGMENT_RULES);
      mutate(rules);
      const before = await db.query(
        'SELECT rules, updated_at FROM segment_rule_sets WHERE programme_id IS NULL',
      );
      const response = await put(manager, rules);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[field]).toEqual(message);
      expect(
        await db.query(
          'SELECT rules, updated_at FROM segment_rule_sets WHERE programme_id IS NULL',
        ),
      ).toEqual(before);
    },
  );

  it('previews sizes without writing anything', async () => {
    await insertCustomer(db, {});
    const proposed: SegmentRules = {
      ...clone(DEFAULT_SEGMENT_RULES),
      segments: [{ key: 'everyone', name: 'Everyone' }],
    };
    const counts = () =>
      db.query(
        `SELECT (SELECT count(*) FROM customer_segments)::int AS segments, (SELECT count(*) FROM segment_changes)::int AS changes,
                (SELECT rules FROM segment_rule_sets WHERE programme_id IS NULL) AS rules`,
      );
    const before = await counts();
    const response = await preview(manager, proposed);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const [{ customers }]: { customers: number }[] = await db.query(
      'SELECT count(*)::int AS customers FROM customers',
    );
    expect(body.total).toBe(customers);
    expect(body.proposed).toEqual([
      { key: 'everyone', name: 'Everyone', count: customers, share: 100 },
    ]);
    expect(body.current.map((s: { key: string }) => s.key)).toEqual(
      DEFAULT_SEGMENT_RULES.segments.map((s) => s.key),
    );
    expect(
      body.current.reduce(
        (sum: number, s: { count: number }) => sum + s.count,
        0,
      ),
    ).toBe(customers);
    expect(await counts()).toEqual(before);
  });

  it('validates a preview like a save', async () => {
    const response = await preview(manager, {
      ...clone(DEFAULT_SEGMENT_RULES),
      npsWindowDays: -1,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toHaveProperty('npsWindowDays');
  });

  it('saves valid rules, audits before and after, and queues a recompute', async () => {
    const queue = app.get<Queue>(getQueueToken(QUEUES.segments));
    await queue.drain();
    const rules = clone(DEFAULT_SEGMENT_RULES);
    rules.npsWindowDays = 365;
    rules.segments[0].name = '  Champions of the brand ';
    const response = await put(manager, rules);
    expect(response.statusCode).toBe(200);
    expect(response.json().rules.npsWindowDays).toBe(365);
    expect(response.json().rules.segments[0].name).toBe(
      'Champions of the brand',
    );

    const [entry] = await db.query(
      `SELECT actor_id, before, after FROM audit_log WHERE action = 'segment_rules.updated' ORDER BY at DESC LIMIT 1`,
    );
    expect(entry.actor_id).toBe(manager.id);
    expect(entry.before.npsWindowDays).toBe(
      DEFAULT_SEGMENT_RULES.npsWindowDays,
    );
    expect(entry.after.npsWindowDays).toBe(365);
    const waiting = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(waiting.map((job) => job.name)).toContain('recompute');
  });

  it('queues a full recompute for staff and audits the request', async () => {
    const admin = await createUser(app, 'admin');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/segments/recompute',
      headers: bearer(admin),
    });
    expect(response.statusCode).toBe(202);
    expect(response.json().jobId).toEqual(expect.any(String));
    const entries = await db.query(
      `SELECT 1 FROM audit_log WHERE action = 'segments.recompute_requested' AND actor_id = $1`,
      [admin.id],
    );
    expect(entries).toHaveLength(1);
  });

  it('lets only the right roles in', async () => {
    const advocate = await createUser(app, 'advocate');
    const brand = await createUser(app, 'brand');
    const get = (user: TestUser, url: string) =>
      app.inject({ method: 'GET', url, headers: bearer(user) });
    expect((await get(advocate, '/api/v1/segments')).statusCode).toBe(403);
    expect((await get(advocate, '/api/v1/segments/rules')).statusCode).toBe(
      403,
    );
    expect((await get(brand, '/api/v1/segments')).statusCode).toBe(200);
    expect((await put(brand, DEFAULT_SEGMENT_RULES)).statusCode).toBe(403);
    expect((await preview(advocate, DEFAULT_SEGMENT_RULES)).statusCode).toBe(
      403,
    );
    const recompute = await app.inject({
      method: 'POST',
      url: '/api/v1/segments/recompute',
      headers: bearer(brand),
    });
    expect(recompute.statusCode).toBe(403);
  });

  it('lists segment sizes in rule order with shares', async () => {
    const brand = await createUser(app, 'brand');
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/segments',
      headers: bearer(brand),
    });
    const body = response.json();
    expect(
      body.segments.slice(0, 2).map((s: { key: string }) => s.key),
    ).toEqual(['champions', 'promoters']);
    const shares = body.segments.reduce(
      (sum: number, s: { share: number }) => sum + s.share,
      0,
    );
    expect(body.total === 0 ? 0 : shares).toBeCloseTo(
      body.total === 0 ? 0 : 100,
    );
  });
});
