import {
  AmbassadorProgrammeSummary,
  ApplicationDetail,
  MyAmbassadorProgramme,
  NotificationPage,
} from '@advocacy/shared';
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
  FIELDS,
  GOOD_ANSWERS,
  openProgramme,
  programmeRequest,
  setSegment,
  addQualifiedReferrals,
} from './testing/ambassador-fixtures';

const BASE = '/api/v1';

describe('ambassador applications (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let manager: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    manager = await createUser(app, 'manager');
  });

  afterAll(async () => {
    await app.close();
  });

  const promoter = async (): Promise<TestAdvocate> => {
    const advocate = await createUser(app, 'advocate');
    await setSegment(db, advocate.customerId, 'promoters', 10);
    await addQualifiedReferrals(db, advocate.customerId, 1);
    return advocate;
  };

  const call = (
    user: TestUser,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url: `${BASE}/${url}`,
      headers: bearer(user),
      ...(payload ? { payload } : {}),
    });

  const apply = (
    user: TestUser,
    programmeId: string,
    answers: object = GOOD_ANSWERS,
  ) =>
    call(user, 'POST', `ambassadors/programmes/${programmeId}/apply`, {
      answers,
    });

  it('lets only managers and admins create programmes, and opens none without a form', async () => {
    const brand = await createUser(app, 'brand');
    const advocate = await createUser(app, 'advocate');
    const body = programmeRequest();
    expect(
      (await call(brand, 'POST', 'ambassador-programmes', body)).statusCode,
    ).toBe(403);
    expect(
      (await call(advocate, 'GET', 'ambassador-programmes')).statusCode,
    ).toBe(403);
    const noForm = await call(manager, 'POST', 'ambassador-programmes', {
      ...body,
      status: 'open',
    });
    expect(noForm.statusCode).toBe(400);
    expect(noForm.json().errors.status).toContain('form');
    const created = await call(manager, 'POST', 'ambassador-programmes', body);
    expect(created.statusCode).toBe(201);
    const audit = await db.query(
      `SELECT 1 FROM audit_log WHERE action = 'ambassador_programme.created' AND entity_id = $1`,
      [created.json().id],
    );
    expect(audit).toHaveLength(1);
    const taken = await call(manager, 'POST', 'ambassador-programmes', body);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual({ slug: 'is taken' });
  });

  it('refuses bad programme settings and form definitions field by field', async () => {
    const bad = await call(manager, 'POST', 'ambassador-programmes', {
      ...programmeRequest(),
      capacity: 0,
      waitlistOrder: 'random',
      eligibility: {
        segments: ['nope'],
        npsCategories: ['fan'],
        minQualifiedReferrals: -1,
        minNps: 11,
        minCustomerDays: 0,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toMatchObject({
      capacity: expect.stringContaining('at least 1'),
      waitlistOrder: 'must be first_come or score',
      'eligibility.minQualifiedReferrals': 'must be 0 or more',
      'eligibility.minNps': 'must be between 0 and 10',
      'eligibility.npsCategories': 'must be promoter, passive or detractor',
    });
    const unknownSegment = await call(
      manager,
      'POST',
      'ambassador-programmes',
      {
        ...programmeRequest(),
        eligibility: {
          segments: ['nope'],
          npsCategories: [],
          minQualifiedReferrals: 0,
          minNps: null,
          minCustomerDays: 0,
        },
      },
    );
    expect(unknownSegment.json().errors).toEqual({
      'eligibility.segments': 'has unknown segments: nope',
    });

    const created = await call(
      manager,
      'POST',
      'ambassador-programmes',
      programmeRequest(),
    );
    const form = await call(
      manager,
      'PUT',
      `ambassador-programmes/${created.json().id}/form`,
      {
        fields: [
          {
            key: 'pick',
            type: 'single_choice',
            label: 'Pick',
            required: true,
            options: ['one'],
          },
          { key: 'pick', type: 'short_text', label: '', required: false },
          { key: 'Bad Key', type: 'colour', label: 'x', required: false },
        ],
      },
    );
    expect(form.statusCode).toBe(400);
    expect(form.json().errors).toMatchObject({
      'fields[2].type': expect.stringContaining('must be one of'),
    });
    const form2 = await call(
      manager,
      'PUT',
      `ambassador-programmes/${created.json().id}/form`,
      {
        fields: [
          {
            key: 'pick',
            type: 'single_choice',
            label: 'Pick',
            required: true,
            options: ['one'],
          },
          { key: 'pick', type: 'short_text', label: '', required: false },
        ],
      },
    );
    expect(form2.json().errors).toEqual({
      'fields[0].options': 'needs at least two options',
      'fields[1].key': 'is used twice',
      'fields[1].label': 'is required',
    });
  });

  it('tells an ineligible advocate why before the form, and refuses the submission saving nothing', async () => {
    const programme = await openProgramme(app, manager, {
      eligibility: {
        segments: ['promoters', 'champions'],
        npsCategories: [],
        minQualifiedReferrals: 1,
        minNps: null,
        minCustomerDays: 0,
      },
    });
    const passive = await createUser(app, 'advocate');
    await setSegment(db, passive.customerId, 'passives', 7);
    const view = await call(
      passive,
      'GET',
      `ambassadors/programmes/${programme.id}`,
    );
    expect(view.statusCode).toBe(200);
    const mine = view.json<MyAmbassadorProgramme>();
    expect(mine.eligibility.eligible).toBe(false);
    expect(mine.eligibility.reasons).toHaveLength(2);
    expect(mine.eligibility.reasons[0]).toContain('Promoters or Champions');
    expect(mine.eligibility.reasons[1]).toContain('1 more');
    const refused = await apply(passive, programme.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.eligibility).toContain('Passives');
    const saved = await db.query(
      `SELECT 1 FROM ambassador_applications WHERE customer_id = $1`,
      [passive.customerId],
    );
    expect(saved).toHaveLength(0);
  });

  it('saves a partial draft, then refuses bad answers field by field and keeps the draft unchanged', async () => {
    const programme = await openProgramme(app, manager);
    const advocate = await promoter();
    const draft = await call(
      advocate,
      'PUT',
      `ambassadors/programmes/${programme.id}/draft`,
      {
        answers: { why: 'Half written' },
      },
    );
    expect(draft.statusCode).toBe(200);
    expect(draft.json<MyAmbassadorProgramme>().application).toMatchObject({
      state: 'draft',
      answers: { why: 'Half written' },
    });

    const bad = await apply(advocate, programme.id, {
      why: 'x'.repeat(5001),
      channels: ['Instagram', 'MySpace'],
      size: 'huge',
      site: 'javascript:alert(1)',
      handle: 'has spaces in it',
      followers: -3,
      extra: 'sneaky',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual({
      'answers.why': 'must be at most 5000 characters (it has 5001)',
      'answers.channels': 'has options that are not listed: MySpace',
      'answers.size': 'must be one of the listed options',
      'answers.site': 'must be a web address starting with http:// or https://',
      'answers.handle':
        'must be a handle such as @yourname (letters, digits, . _ -)',
      'answers.followers': 'must be at least 0',
      'answers.consent': 'must be ticked to apply',
      'answers.extra': 'is not a question on this form',
    });
    const missing = await apply(advocate, programme.id, { why: 'ok' });
    expect(missing.json().errors).toEqual({
      'answers.channels': 'is required',
      'answers.consent': 'must be ticked to apply',
    });
    const [row] = await db.query(
      `SELECT state, answers FROM ambassador_applications WHERE customer_id = $1`,
      [advocate.customerId],
    );
    expect(row).toEqual({ state: 'draft', answers: { why: 'Half written' } });
  });

  it('submits with a segment snapshot and score, notifies, and refuses a second submission', async () => {
    const programme = await openProgramme(app, manager);
    const advocate = await promoter();
    const submitted = await apply(advocate, programme.id);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<MyAmbassadorProgramme>().application).toMatchObject({
      state: 'submitted',
      formVersion: 1,
      history: [
        expect.objectContaining({ fromState: 'draft', toState: 'submitted' }),
      ],
    });
    const [row] = await db.query(
      `SELECT segment_key, segment_snapshot, score FROM ambassador_applications WHERE customer_id = $1`,
      [advocate.customerId],
    );
    expect(row.segment_key).toBe('promoters');
    expect(row.segment_snapshot.lastScore).toBe(10);
    expect(row.score).toBe(105);
    const again = await apply(advocate, programme.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(
      'You have already applied to this programme',
    );
    const both = await Promise.all([
      apply(await promoter(), programme.id),
      apply(advocate, programme.id),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const notes = await call(advocate, 'GET', 'notifications');
    expect(notes.json<NotificationPage>()).toMatchObject({
      unread: 1,
      total: 1,
    });
    expect(notes.json<NotificationPage>().items[0].title).toContain(
      'We received your application',
    );
  });

  it('refuses applications to closed and draft programmes', async () => {
    const closing = await openProgramme(app, manager);
    const draft = await openProgramme(app, manager, { status: 'draft' });
    const advocate = await promoter();
    const first = await apply(advocate, closing.id);
    await call(
      advocate,
      'POST',
      `ambassadors/applications/${first.json<MyAmbassadorProgramme>().application?.id}/withdraw`,
    );
    await call(manager, 'PUT', `ambassador-programmes/${closing.id}`, {
      ...programmeRequest({ name: closing.name, slug: closing.slug }),
      status: 'closed',
    });
    const refused = await apply(advocate, closing.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('is not taking applications');
    const stranger = await promoter();
    expect((await apply(stranger, closing.id)).statusCode).toBe(404);
    expect((await apply(advocate, draft.id)).statusCode).toBe(404);
    expect(
      (await call(advocate, 'GET', `ambassadors/programmes/${draft.id}`))
        .statusCode,
    ).toBe(404);
  });

  it('keeps the form version an application was submitted against when the form changes', async () => {
    const programme = await openProgramme(app, manager);
    const advocate = await promoter();
    await apply(advocate, programme.id);
    const edited = await call(
      manager,
      'PUT',
      `ambassador-programmes/${programme.id}/form`,
      {
        fields: [
          {
            key: 'motto',
            type: 'short_text',
            label: 'Your motto',
            required: true,
          },
        ],
      },
    );
    expect(edited.json<AmbassadorProgrammeSummary>().form?.version).toBe(2);
    const again = await call(
      manager,
      'PUT',
      `ambassador-programmes/${programme.id}/form`,
      {
        fields: [
          {
            key: 'motto',
            type: 'short_text',
            label: 'Your motto!',
            required: true,
          },
        ],
      },
    );
    expect(again.json<AmbassadorProgrammeSummary>().form?.version).toBe(2);
    const [app1] = await db.query(
      `SELECT id FROM ambassador_applications WHERE customer_id = $1`,
      [advocate.customerId],
    );
    const detail = await call(
      manager,
      'GET',
      `ambassador-applications/${app1.id}`,
    );
    expect(detail.json<ApplicationDetail>()).toMatchObject({
      formVersion: 1,
      answers: GOOD_ANSWERS,
    });
    expect(detail.json<ApplicationDetail>().fields.map((f) => f.key)).toEqual(
      FIELDS.map((f) => f.key),
    );
  });

  it('lets an applicant withdraw only their own open application', async () => {
    const programme = await openProgramme(app, manager);
    const advocate = await promoter();
    const other = await promoter();
    const mine = (
      await apply(advocate, programme.id)
    ).json<MyAmbassadorProgramme>();
    const id = mine.application?.id;
    expect(
      (await call(other, 'POST', `ambassadors/applications/${id}/withdraw`))
        .statusCode,
    ).toBe(404);
    const withdrawn = await call(
      advocate,
      'POST',
      `ambassadors/applications/${id}/withdraw`,
    );
    expect(withdrawn.json<MyAmbassadorProgramme>().application).toMatchObject({
      state: 'withdrawn',
      canReapply: true,
    });
    expect(
      (await call(advocate, 'POST', `ambassadors/applications/${id}/withdraw`))
        .statusCode,
    ).toBe(422);
    expect((await apply(advocate, programme.id)).statusCode).toBe(200);
  });

  it('records funnel steps once per visitor and counts them by segment', async () => {
    const programme = await openProgramme(app, manager);
    const advocate = await promoter();
    await call(
      advocate,
      'POST',
      `ambassadors/programmes/${programme.id}/visit`,
    );
    await call(
      advocate,
      'POST',
      `ambassadors/programmes/${programme.id}/visit`,
    );
    await call(
      advocate,
      'PUT',
      `ambassadors/programmes/${programme.id}/draft`,
      { answers: {} },
    );
    await apply(advocate, programme.id);
    const anon = await app.inject({
      method: 'POST',
      url: `${BASE}/public/ambassador-programmes/${programme.slug}/events`,
      payload: { stage: 'visited', visitorId: 'visitor-12345678' },
    });
    expect(anon.statusCode).toBe(204);
    const funnel = await call(
      manager,
      'GET',
      `ambassador-programmes/${programme.id}/funnel`,
    );
    expect(funnel.statusCode).toBe(200);
    expect(funnel.json().totals).toEqual({
      visited: 2,
      started: 1,
      submitted: 1,
      approved: 0,
    });
    expect(funnel.json().bySegment).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          segmentKey: 'promoters',
          visited: 1,
          started: 1,
          submitted: 1,
        }),
        expect.objectContaining({ segmentKey: 'anonymous', visited: 1 }),
      ]),
    );
  });

  it('takes public applications by email, creating the customer, without revealing eligibility', async () => {
    const programme = await openProgramme(app, manager);
    const strict = await openProgramme(app, manager, {
      eligibility: {
        segments: ['promoters'],
        npsCategories: [],
        minQualifiedReferrals: 0,
        minNps: null,
        minCustomerDays: 0,
      },
    });
    const page = await app.inject({
      method: 'GET',
      url: `${BASE}/public/ambassador-programmes/${strict.slug}`,
    });
    expect(page.json()).toMatchObject({
      open: true,
      requirements: ['For our Promoters customers'],
    });
    const email = `Visitor-${Date.now()}@Example.com`;
    const ok = await app.inject({
      method: 'POST',
      url: `${BASE}/public/ambassador-programmes/${programme.slug}/applications`,
      payload: { email, name: 'Vera Visitor', answers: GOOD_ANSWERS },
    });
    expect(ok.statusCode).toBe(201);
    const [customer] = await db.query(
      `SELECT id FROM customers WHERE email = $1`,
      [email.toLowerCase()],
    );
    const [row] = await db.query(
      `SELECT state, channel FROM ambassador_applications WHERE customer_id = $1`,
      [customer.id],
    );
    expect(row).toEqual({ state: 'submitted', channel: 'public' });
    const refused = await app.inject({
      method: 'POST',
      url: `${BASE}/public/ambassador-programmes/${strict.slug}/applications`,
      payload: { email, name: 'Vera Visitor', answers: GOOD_ANSWERS },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual({});
    const stranger = `stranger-${Date.now()}@example.com`;
    const strangerRefused = await app.inject({
      method: 'POST',
      url: `${BASE}/public/ambassador-programmes/${strict.slug}/applications`,
      payload: { email: stranger, name: 'Sam Stranger', answers: GOOD_ANSWERS },
    });
    expect(strangerRefused.statusCode).toBe(422);
    expect(
      await db.query(`SELECT 1 FROM customers WHERE email = $1`, [stranger]),
    ).toHaveLength(0);
    const bad = await app.inject({
      method: 'POST',
      url: `${BASE}/public/ambassador-programmes/${programme.slug}/applications`,
      payload: { email: 'not-an-email', name: '', answers: {} },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toMatchObject({
      email: 'must be a valid email address',
      name: 'is required',
    });
  });

  // Last: it uses up this address's allowance for the hour.
  it('rate-limits public applications per address', async () => {
    const statuses: number[] = [];
    let limited: {
      headers: Record<string, unknown>;
      body: { code: string };
    } | null = null;
    for (let i = 0; i < 15 && !limited; i += 1) {
      const response = await app.inject({
        method: 'POST',
        url: `${BASE}/public/ambassador-programmes/no-such-programme/applications`,
        payload: { email: `r${i}@example.com`, name: 'R', answers: {} },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429)
        limited = { headers: response.headers, body: response.json() };
    }
    expect(statuses[0]).toBe(404);
    expect(limited?.body.code).toBe('RATE_LIMITED');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
  });
});
