import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestAdvocate,
  TestUser,
} from '../../../test/test-app';
import {
  daysBefore,
  insertCustomer,
  insertResponse,
  insertSurvey,
} from '../segments/testing/segment-fixtures';
import { CasesService } from './cases.service';

describe('follow-up cases (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let managerA: TestUser;
  let managerB: TestUser;
  let admin: TestUser;
  let brand: TestUser;
  let surveyId: string;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    managerA = await createUser(app, 'manager');
    managerB = await createUser(app, 'manager');
    admin = await createUser(app, 'admin');
    brand = await createUser(app, 'brand');
    surveyId = await insertSurvey(db, 'nps');
  });

  afterAll(async () => {
    await app.close();
  });

  const openMissing = (customerIds?: string[]) =>
    db.transaction((m) => app.get(CasesService).openMissing(m, customerIds));

  async function customerWith(
    ...answers: [score: number, daysAgo: number][]
  ): Promise<string> {
    const customerId = await insertCustomer(db);
    const now = new Date();
    for (const [score, daysAgo] of answers)
      await insertResponse(db, {
        surveyId,
        customerId,
        score,
        at: daysBefore(now, daysAgo),
        comment: `scored ${score}`,
      });
    return customerId;
  }

  async function caseOf(customerId: string) {
    const [row] = await db.query<{ id: string }[]>(
      'SELECT id FROM followup_cases WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 1',
      [customerId],
    );
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${row.id}`,
      headers: bearer(managerA),
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  const move = (user: TestUser, id: string, payload: object) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${id}/state`,
      headers: bearer(user),
      payload,
    });

  it('opens a case when an advocate answers as a detractor, and publishes both events', async () => {
    const advocate: TestAdvocate = await createUser(app, 'advocate');
    const answered = await app.inject({
      method: 'POST',
      url: '/api/v1/surveys/answers',
      headers: bearer(advocate),
      payload: { surveyId, score: 2, comment: 'Late delivery' },
    });
    expect(answered.statusCode).toBe(201);
    const opened = await caseOf(advocate.customerId);
    expect(opened).toMatchObject({
      reason: 'detractor',
      score: 2,
      state: 'open',
      comment: 'Late delivery',
      overdue: false,
    });
    // Other suites in the run may add managers, so check the role rather than the id.
    const [owner] = await db.query<{ role: string }[]>(
      'SELECT role FROM users WHERE id = $1',
      [opened.ownerId],
    );
    expect(owner.role).toBe('manager');
    const hours =
      (Date.parse(opened.dueAt) - Date.parse(opened.createdAt)) / 3_600_000;
    expect(Math.round(hours)).toBe(48);
    const events = await db.query<
      { type: string; data: { caseId?: string; responseId?: string } }[]
    >(
      `SELECT type, data FROM webhook_events WHERE data->>'customerId' = $1 ORDER BY created_at`,
      [advocate.customerId],
    );
    expect(events.map((e) => e.type).sort()).toEqual([
      'case.opened',
      'nps.response.created',
    ]);
    expect(events.find((e) => e.type === 'case.opened')?.data).toMatchObject({
      caseId: opened.id,
      reason: 'detractor',
      customerEmail: advocate.email,
    });
  });

  it('opens cases for answers through a survey link and the responses API, once per answer', async () => {
    const linked = await customerWith([9, 100]);
    const link = await app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${surveyId}/links`,
      headers: bearer(brand),
      payload: { customerId: linked },
    });
    expect(link.statusCode).toBe(201);
    const viaLink = await app.inject({
      method: 'POST',
      url: `/api/v1/survey-links/${link.json().token}`,
      payload: { score: 4 },
    });
    expect(viaLink.statusCode).toBe(201);
    expect(await caseOf(linked)).toMatchObject({
      reason: 'detractor',
      score: 4,
    });

    const key = await app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(admin),
      payload: { name: 'CRM', scopes: ['responses:write'] },
    });
    const dropped = await customerWith([10, 30]);
    const [{ email }] = await db.query<{ email: string }[]>(
      'SELECT email FROM customers WHERE id = $1',
      [dropped],
    );
    const body = {
      externalId: `resp-${dropped}`,
      surveyId,
      customerEmail: email,
      score: 7,
      respondedAt: new Date().toISOString(),
    };
    for (const expected of [201, 200]) {
      const sent = await app.inject({
        method: 'POST',
        url: '/api/v1/responses',
        headers: { 'x-api-key': key.json().key as string },
        payload: body,
      });
      expect(sent.statusCode).toBe(expected);
    }
    expect(await caseOf(dropped)).toMatchObject({
      reason: 'drop',
      score: 7,
      previousScore: 10,
    });
    const [{ events }] = await db.query<{ events: number }[]>(
      `SELECT count(*)::int AS events FROM webhook_events
        WHERE type = 'nps.response.created' AND data->>'customerId' = $1`,
      [dropped],
    );
    expect(events).toBe(1);
  });

  it('opens for a drop of 3+ points, not for a smaller drop, a promoter or an old answer', async () => {
    const dropped = await customerWith([10, 20], [7, 1]);
    const slipped = await customerWith([9, 20], [7, 1]);
    const promoter = await customerWith([10, 1]);
    const old = await customerWith([3, 60]);
    const opened = await openMissing([dropped, slipped, promoter, old]);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      customerId: dropped,
      reason: 'drop',
      score: 7,
      previousScore: 10,
    });
    const detail = await caseOf(dropped);
    expect(detail.transitions[0]).toMatchObject({
      fromState: null,
      toState: 'open',
      reason: 'Dropped from 10 to 7',
    });
    expect(
      detail.responses.map((r: { score: number; opening: boolean }) => [
        r.score,
        r.opening,
      ]),
    ).toEqual([
      [7, true],
      [10, false],
    ]);
  });

  it('is idempotent, keeps one active case per customer and spreads owners round-robin', async () => {
    const first = await customerWith([1, 2]);
    const second = await customerWith([4, 2]);
    const opened = await openMissing([first, second]);
    expect(opened).toHaveLength(2);
    expect(new Set(opened.map((c) => c.ownerId)).size).toBe(2);
    expect(await openMissing([first, second])).toEqual([]);
    await insertResponse(db, {
      surveyId,
      customerId: first,
      score: 0,
      at: new Date(),
    });
    expect(await openMissing([first])).toEqual([]);
  });

  it('works a case: contacted, resolved, reopened; refuses moves the states do not allow', async () => {
    const customerId = await customerWith([3, 1]);
    await openMissing([customerId]);
    const { id } = await caseOf(customerId);
    await db.query('UPDATE followup_cases SET owner_id = NULL WHERE id = $1', [
      id,
    ]);

    const contacted = await move(managerB, id, { state: 'contacted' });
    expect(contacted.statusCode).toBe(200);
    expect(contacted.json()).toMatchObject({
      state: 'contacted',
      ownerId: managerB.id,
    });
    expect(contacted.json().contactedAt).not.toBeNull();

    const again = await move(managerB, id, { state: 'contacted' });
    expect(again.statusCode).toBe(409);

    const reopenActive = await move(managerB, id, { state: 'open' });
    expect(reopenActive.statusCode).toBe(409);
    expect(reopenActive.json().errors.state).toBe('cannot follow contacted');

    const resolved = await move(managerB, id, {
      state: 'resolved',
      reason: 'Refunded',
    });
    expect(resolved.json()).toMatchObject({ state: 'resolved' });
    expect(resolved.json().closedAt).not.toBeNull();

    const reopened = await move(admin, id, { state: 'open' });
    expect(reopened.json()).toMatchObject({ state: 'open', closedAt: null });

    const detail = await caseOf(customerId);
    expect(
      detail.transitions.map((t: { toState: string }) => t.toState),
    ).toEqual(['open', 'contacted', 'resolved', 'open']);
    const audit = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'followup_case.moved'`,
      [id],
    );
    expect(audit[0].n).toBe(3);
  });

  it('needs a reason to close without a fix, and only staff who work cases may move them', async () => {
    const customerId = await customerWith([5, 1]);
    await openMissing([customerId]);
    const { id } = await caseOf(customerId);
    const noReason = await move(managerA, id, { state: 'closed_without_fix' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.reason).toBe(
      'is required when closing without a fix',
    );
    const badState = await move(managerA, id, { state: 'done' });
    expect(badState.statusCode).toBe(400);
    expect(badState.json().errors.state).toContain('must be one of');
    expect((await move(brand, id, { state: 'contacted' })).statusCode).toBe(
      403,
    );
    const advocate = await createUser(app, 'advocate');
    const peek = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}`,
      headers: bearer(advocate),
    });
    expect(peek.statusCode).toBe(403);
    const closed = await move(managerA, id, {
      state: 'closed_without_fix',
      reason: 'Customer did not reply',
    });
    expect(closed.json()).toMatchObject({
      state: 'closed_without_fix',
      contactedAt: null,
    });
  });

  it('assigns, takes, and notes; refuses owners who cannot work cases', async () => {
    const customerId = await customerWith([6, 1]);
    await openMissing([customerId]);
    const { id } = await caseOf(customerId);
    const toBrand = await app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${id}/owner`,
      headers: bearer(managerA),
      payload: { ownerId: brand.id },
    });
    expect(toBrand.statusCode).toBe(400);
    expect(toBrand.json().errors.ownerId).toBe(
      'must be an active manager or admin',
    );
    const unassigned = await app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${id}/owner`,
      headers: bearer(managerA),
      payload: { ownerId: null },
    });
    expect(unassigned.json().ownerId).toBeNull();
    const taken = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/assign-to-me`,
      headers: bearer(admin),
    });
    expect(taken.json().ownerId).toBe(admin.id);
    const note = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/notes`,
      headers: bearer(admin),
      payload: { body: '  Called, left a voicemail  ' },
    });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({
      body: 'Called, left a voicemail',
      authorName: 'Test admin',
    });
    const empty = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/notes`,
      headers: bearer(admin),
      payload: { body: '   ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.body).toBe('is required');
    const detail = await caseOf(customerId);
    expect(detail.notes).toHaveLength(1);
    const mine = await app.inject({
      method: 'GET',
      url: '/api/v1/cases?owner=me',
      headers: bearer(admin),
    });
    expect(mine.json().items.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('lists overdue cases first and filters by overdue, state and owner', async () => {
    const customerId = await customerWith([0, 1]);
    await openMissing([customerId]);
    const { id } = await caseOf(customerId);
    await db.query(
      `UPDATE followup_cases SET due_at = now() - interval '3 hours' WHERE id = $1`,
      [id],
    );
    const overdue = await app.inject({
      method: 'GET',
      url: '/api/v1/cases?overdue=true',
      headers: bearer(brand),
    });
    expect(overdue.statusCode).toBe(200);
    const items = overdue.json().items as { id: string; overdue: boolean }[];
    expect(items.map((c) => c.id)).toContain(id);
    expect(items.every((c) => c.overdue)).toBe(true);
    const all = await app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      headers: bearer(brand),
    });
    expect(all.json().items[0].overdue).toBe(true);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/cases?owner=someone&overdue=maybe',
      headers: bearer(brand),
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().errors).sort()).toEqual(['overdue', 'owner']);
  });

  it('counts contacted detractors and those who later scored higher', async () => {
    const happier = await customerWith([2, 5]);
    const same = await customerWith([3, 5]);
    const ignored = await customerWith([4, 5]);
    await openMissing([happier, same, ignored]);
    for (const customerId of [happier, same]) {
      const { id } = await caseOf(customerId);
      expect(
        (await move(managerA, id, { state: 'contacted' })).statusCode,
      ).toBe(200);
    }
    await insertResponse(db, {
      surveyId,
      customerId: happier,
      score: 9,
      at: new Date(),
    });
    await insertResponse(db, {
      surveyId,
      customerId: same,
      score: 3,
      at: new Date(),
    });
    await insertResponse(db, {
      surveyId,
      customerId: ignored,
      score: 10,
      at: new Date(),
    });
    // A window of their own, so cases other suites open meanwhile do not count.
    await db.query(
      `UPDATE followup_cases SET created_at = '2001-01-01T12:00:00Z' WHERE customer_id = ANY($1::uuid[])`,
      [[happier, same, ignored]],
    );
    const from = '2001-01-01T00:00:00.000Z';
    const stats = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/stats?from=${encodeURIComponent(from)}&to=2001-01-02T00:00:00.000Z`,
      headers: bearer(brand),
    });
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({
      opened: 3,
      detractorCases: 3,
      contacted: 2,
      answeredLater: 2,
      scoredHigherLater: 1,
    });
    const backwards = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/stats?from=${encodeURIComponent(new Date().toISOString())}&to=${encodeURIComponent(from)}`,
      headers: bearer(brand),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors.from).toBe('must be before to');
  });
});
