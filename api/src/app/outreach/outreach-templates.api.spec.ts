import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';
import { activeProgramme } from '../referrals/programmes/testing/programme-fixtures';
import {
  createCustomer,
  createTemplate,
  templateBody,
} from './testing/outreach-fixtures';

describe('outreach templates (API)', () => {
  let app: NestFastifyApplication;
  let brand: TestUser;
  let manager: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    brand = await createUser(app, 'brand');
    manager = await createUser(app, 'manager');
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (payload: object, user: TestUser = brand) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/outreach/templates',
      headers: bearer(user),
      payload,
    });

  it('creates, lists, updates, archives and restores a template, each audited', async () => {
    const id = await createTemplate(app, brand);
    const listed = await app.inject({
      method: 'GET',
      url: '/api/v1/outreach/templates?purpose=referral_invitation',
      headers: bearer(brand),
    });
    expect(listed.json().items.map((t: { id: string }) => t.id)).toContain(id);

    const updated = await app.inject({
      method: 'PUT',
      url: `/api/v1/outreach/templates/${id}`,
      headers: bearer(brand),
      payload: templateBody({ name: 'Bring a friend' }),
    });
    expect(updated.json()).toMatchObject({
      id,
      name: 'Bring a friend',
      archived: false,
    });

    const archived = await app.inject({
      method: 'DELETE',
      url: `/api/v1/outreach/templates/${id}`,
      headers: bearer(brand),
    });
    expect(archived.json().archived).toBe(true);
    const active = await app.inject({
      method: 'GET',
      url: '/api/v1/outreach/templates',
      headers: bearer(brand),
    });
    expect(active.json().items.map((t: { id: string }) => t.id)).not.toContain(
      id,
    );
    const restored = await app.inject({
      method: 'POST',
      url: `/api/v1/outreach/templates/${id}/restore`,
      headers: bearer(brand),
    });
    expect(restored.json().archived).toBe(false);

    const audit: { action: string }[] = await app
      .get(DataSource)
      .query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at`, [
        id,
      ]);
    expect(audit.map((a) => a.action)).toEqual([
      'outreach.template_created',
      'outreach.template_updated',
      'outreach.template_archived',
      'outreach.template_restored',
    ]);
  });

  it('refuses an unknown variable with 422, naming it and its position, and saves nothing', async () => {
    const before = await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM outreach_templates`);
    const response = await post(
      templateBody({ body: 'Hi {{firstName}},\nuse {{couponCode}} today' }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'UNPROCESSABLE',
      message: 'Unknown variable {{couponCode}} at line 2, column 5',
    });
    expect(response.json().errors.body).toContain('{{referralLink}}');
    const subject = await post(templateBody({ subject: 'Hello {{name' }));
    expect(subject.statusCode).toBe(422);
    expect(subject.json().errors.subject).toContain('Unclosed');
    const after = await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM outreach_templates`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses missing fields and a purpose written for another segment', async () => {
    const empty = await post({
      ...templateBody(),
      name: '  ',
      purpose: 'spam',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toMatchObject({
      name: expect.any(String),
      purpose: expect.stringContaining('must be one of'),
    });
    const wrong = await post(
      templateBody({ purpose: 'apology_follow_up', audience: 'promoter' }),
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors.audience).toBe(
      'must be detractor for this purpose',
    );
  });

  it('refuses a public review request template aimed at promoters (review gating)', async () => {
    const response = await post(
      templateBody({
        purpose: 'public_review_request',
        audience: 'promoter',
        body: 'Review us, {{name}}',
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'REVIEW_GATING' });
    expect(response.json().message).toContain('every segment');
    const fine = await post(
      templateBody({
        purpose: 'public_review_request',
        audience: 'all',
        body: 'Review us',
      }),
    );
    expect(fine.statusCode).toBe(201);
  });

  it('previews a draft against a real customer with escaped HTML and their referral link', async () => {
    const db = app.get(DataSource);
    const customerId = await createCustomer(db, { name: 'Ann <Lee> & Co' });
    const programmeId = await activeProgramme(app, manager);
    const payload = {
      subject: 'Hi {{firstName}}',
      body: 'Dear {{name}},\n\n{{referralLink}}',
      customerId,
      programmeId,
    };
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/outreach/preview',
      headers: bearer(brand),
      payload,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().subject).toBe('Hi Ann');
    expect(first.json().html).toContain('Dear Ann &lt;Lee&gt; &amp; Co');
    expect(first.json().text).toContain('To stop these emails:');
    expect(first.json().notes).toEqual([
      'This customer gets a referral code when the send goes out.',
    ]);
    // A preview makes no code.
    const codes = await db.query(
      `SELECT count(*)::int AS n FROM referral_codes WHERE customer_id = $1`,
      [customerId],
    );
    expect(codes[0].n).toBe(0);

    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/outreach/preview',
      headers: bearer(brand),
      payload: { subject: 'x', body: '{{nope}}' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.body).toContain('{{nope}} at line 1, column 1');
  });

  it('is for staff only', async () => {
    const advocate = await createUser(app, 'advocate');
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/outreach/templates',
      headers: bearer(advocate),
    });
    expect(response.statusCode).toBe(403);
    const anonymous = await app.inject({
      method: 'GET',
      url: '/api/v1/outreach/templates',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
