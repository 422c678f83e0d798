import { ProgrammeSummary } from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../../test/test-app';
import { programmeBody } from './testing/programme-fixtures';

const URL = '/api/v1/referral-programmes';

describe('referral programmes (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let manager: TestUser;
  let brand: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    manager = await createUser(app, 'manager');
    brand = await createUser(app, 'brand');
  });

  afterAll(async () => {
    await app.close();
  });

  const create = (payload: object, user: TestUser = manager) =>
    app.inject({ method: 'POST', url: URL, headers: bearer(user), payload });

  it('creates a draft with defaults, audited, and lists it to brand users', async () => {
    const body = programmeBody();
    const response = await create(body);
    expect(response.statusCode).toBe(201);
    const created = response.json<ProgrammeSummary>();
    expect(created).toMatchObject({
      slug: body.slug,
      status: 'draft',
      attributionWindowDays: 30,
      attributionModel: 'last_click',
      holdDays: 30,
      eligibleSegments: [],
      currency: 'USD',
    });
    expect(created.fraudRules.modes.self_referral).toBe('enforce');
    const audit = await db.query(
      `SELECT actor_id, after FROM audit_log WHERE action = 'referral_programme.created' AND entity_id = $1`,
      [created.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(manager.id);

    const list = await app.inject({
      method: 'GET',
      url: `${URL}?pageSize=100&status=draft`,
      headers: bearer(brand),
    });
    expect(list.statusCode).toBe(200);
    expect(
      list.json<{ items: ProgrammeSummary[] }>().items.map((p) => p.id),
    ).toContain(created.id);
  });

  it.each([
    ['javascript:alert(1)', 'must be an absolute http:// or https:// URL'],
    ['data:text/html,hi', 'must be an absolute http:// or https:// URL'],
    ['/welcome', 'must be an absolute http:// or https:// URL'],
    ['//evil.example/x', 'must be an absolute http:// or https:// URL'],
    ['ftp://shop.example.com', 'must be an absolute http:// or https:// URL'],
    [
      'https://user:pw@shop.example.com/',
      'may not contain a user name or password',
    ],
  ])('refuses the landing URL %s (open redirect)', async (landingUrl, msg) => {
    const response = await create(programmeBody({ landingUrl }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual({ landingUrl: msg });
  });

  it('refuses bad settings field by field and saves nothing', async () => {
    const body = programmeBody();
    const response = await create({
      ...body,
      attributionWindowDays: 366,
      holdDays: -1,
      minPurchaseMinor: 1.5,
      attributionModel: 'linear',
      referrerReward: { type: 'store_credit', amount: -5, currency: 'XYZ' },
      fraudRules: {
        velocityPerIpPerDay: 0,
        velocityPerAdvocatePerDay: 5,
        modes: {
          self_referral: 'sometimes',
          same_device: 'off',
          ip_and_agent: 'off',
          velocity: 'off',
          disposable_email: 'off',
        },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toMatchObject({
      attributionWindowDays: 'must be between 1 and 365 days',
      holdDays: 'must be between 0 and 365 days',
      minPurchaseMinor: 'must be a whole number of minor units',
      attributionModel: 'must be first_click or last_click',
      'referrerReward.amount': 'must be 0 or more',
      'referrerReward.currency': expect.stringContaining('must be one of'),
      'fraudRules.velocityPerIpPerDay': 'must be at least 1',
      'fraudRules.modes.self_referral': 'must be one of enforce, shadow, off',
    });
    const saved = await db.query(
      `SELECT 1 FROM referral_programmes WHERE slug = $1`,
      [body.slug],
    );
    expect(saved).toHaveLength(0);
  });

  it('refuses unknown segment keys and accepts known ones', async () => {
    const bad = await create(
      programmeBody({ eligibleSegments: ['promoters', 'vips'] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual({
      eligibleSegments: 'has unknown segments: vips',
    });
    const good = await create(
      programmeBody({ eligibleSegments: ['promoters', 'passives'] }),
    );
    expect(good.statusCode).toBe(201);
  });

  it('answers a taken slug with 409 on the field', async () => {
    const body = programmeBody();
    expect((await create(body)).statusCode).toBe(201);
    const again = await create({ ...body, name: 'Other' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual({ slug: 'is taken' });
  });

  it('updates, activates and pauses, refusing moves that make no sense', async () => {
    const created = (await create(programmeBody())).json<ProgrammeSummary>();
    const updated = await app.inject({
      method: 'PUT',
      url: `${URL}/${created.id}`,
      headers: bearer(manager),
      payload: programmeBody({
        slug: created.slug,
        holdDays: 0,
        attributionModel: 'first_click',
      }),
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      holdDays: 0,
      attributionModel: 'first_click',
    });
    const move = (action: string) =>
      app.inject({
        method: 'POST',
        url: `${URL}/${created.id}/${action}`,
        headers: bearer(manager),
      });
    expect((await move('pause')).statusCode).toBe(422);
    expect((await move('activate')).json().status).toBe('active');
    expect((await move('pause')).json().status).toBe('paused');
    const actions = await db.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at`,
      [created.id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'referral_programme.created',
      'referral_programme.updated',
      'referral_programme.activated',
      'referral_programme.paused',
    ]);
  });

  it('lets only managers and admins change programmes', async () => {
    expect((await create(programmeBody(), brand)).statusCode).toBe(403);
    const missing = await app.inject({
      method: 'GET',
      url: `${URL}/6b0e7a52-8a39-4a0b-9d0f-8d0e6c1f0a11`,
      headers: bearer(brand),
    });
    expect(missing.statusCode).toBe(404);
  });
});
