import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';

describe('customers (API)', () => {
  let app: NestFastifyApplication;
  let manager: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    manager = await createUser(app, 'manager');
  });

  afterAll(async () => {
    await app.close();
  });

  async function create(payload: Record<string, unknown>) {
    return app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: bearer(manager),
      payload,
    });
  }

  it('creates and updates a customer, auditing both, and refuses a taken email', async () => {
    const email = `Pat-${randomUUID()}@Test.example`;
    const created = await create({
      email,
      name: ' Pat Lee ',
      purchaseCount: 3,
      purchaseValue: 99.5,
      consentEmail: true,
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      email: email.toLowerCase(),
      name: 'Pat Lee',
      purchaseValue: 99.5,
      consentEmail: true,
    });
    expect(body.responses).toEqual([]);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/customers/${body.id}`,
      headers: bearer(manager),
      payload: { consentMarketing: true, externalId: `crm-${randomUUID()}` },
    });
    expect(patched.json()).toMatchObject({
      consentMarketing: true,
      consentEmail: true,
    });

    const clash = await create({ email, name: 'Other' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors).toEqual({
      email: 'belongs to another customer',
    });

    const audit = await app
      .get(DataSource)
      .query('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at', [
        body.id,
      ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'customer.created',
      'customer.updated',
    ]);
  });

  it('refuses bad input field by field', async () => {
    const response = await create({
      email: 'nope',
      name: '',
      purchaseCount: 1.5,
      firstPurchaseAt: 'yesterday',
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().errors).sort()).toEqual([
      'email',
      'firstPurchaseAt',
      'name',
      'purchaseCount',
    ]);
  });

  it('searches, filters by current segment, sorts and paginates', async () => {
    const tag = randomUUID().slice(0, 8);
    const ids: string[] = [];
    for (const name of ['Ann', 'Bob', 'Cid']) {
      ids.push(
        (
          await create({
            email: `${name}-${tag}@test.example`,
            name: `${name} ${tag}`,
          })
        ).json().id,
      );
    }
    await app.get(DataSource).query(
      `INSERT INTO customer_segments (customer_id, segment_key, nps_category, last_score, advocacy_level, loyalty, churn_risk, computed_at)
       VALUES ($1, 'promoters', 'promoter', 10, 'passive', 'attitudinal', false, now())`,
      [ids[1]],
    );
    const page = await app.inject({
      method: 'GET',
      url: `/api/v1/customers?q=${tag}&sort=-name&pageSize=2`,
      headers: bearer(manager),
    });
    expect(page.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.json().items.map((c: { name: string }) => c.name)).toEqual([
      `Cid ${tag}`,
      `Bob ${tag}`,
    ]);

    const promoters = await app.inject({
      method: 'GET',
      url: `/api/v1/customers?q=${tag}&segment=promoters`,
      headers: bearer(manager),
    });
    expect(promoters.json().items).toEqual([
      expect.objectContaining({
        id: ids[1],
        segmentKey: 'promoters',
        lastScore: 10,
      }),
    ]);

    const badSort = await app.inject({
      method: 'GET',
      url: '/api/v1/customers?sort=email',
      headers: bearer(manager),
    });
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().errors.sort).toBeDefined();
  });

  it('never lets an advocate read or change customers, not even their own record through staff routes', async () => {
    const advocate = await createUser(app, 'advocate');
    const other = (
      await create({ email: `o-${randomUUID()}@test.example`, name: 'Other' })
    ).json().id as string;
    for (const [method, url] of [
      ['GET', '/api/v1/customers'],
      ['GET', `/api/v1/customers/${other}`],
      ['GET', `/api/v1/customers/${advocate.customerId}`],
      ['PATCH', `/api/v1/customers/${other}`],
      ['POST', '/api/v1/customers'],
    ] as const) {
      const response = await app.inject({
        method,
        url,
        headers: bearer(advocate),
        payload: {},
      });
      expect(response.statusCode).toBe(403);
    }
    const anonymous = await app.inject({
      method: 'GET',
      url: `/api/v1/customers/${other}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 404 for an unknown customer and 400 for a malformed id', async () => {
    const missing = await app.inject({
      method: 'GET',
      url: `/api/v1/customers/${randomUUID()}`,
      headers: bearer(manager),
    });
    expect(missing.statusCode).toBe(404);
    const malformed = await app.inject({
      method: 'GET',
      url: '/api/v1/customers/42',
      headers: bearer(manager),
    });
    expect(malformed.json().errors).toEqual({ id: 'must be a UUID' });
  });
});
