import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, createTestApp, createUser } from '../../../../test/test-app';

describe('bad input (API)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.co",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'MALFORMED_JSON',
      errors: {},
    });
  });

  it('names unknown fields and wrong types field by field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 42, password: 'x', admin: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toMatchObject({
      email: expect.any(String),
      admin: 'is not a known field',
    });
  });

  it('answers an oversized body with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.co', password: 'x'.repeat(2_000_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a non-UUID id with a field message, not a database error', async () => {
    const admin = await createUser(app, 'admin');
    const response = await app.inject({
      method: 'PATCH',
      url: '/api/v1/users/not-a-uuid',
      headers: bearer(admin),
      payload: {},
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual({ id: 'must be a UUID' });
  });

  it('validates pagination bounds', async () => {
    const admin = await createUser(app, 'admin');
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/users?pageSize=5000&page=0',
      headers: bearer(admin),
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().errors).sort()).toEqual([
      'page',
      'pageSize',
    ]);
  });

  it('sends security headers and a request id on every answer', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.headers['content-security-policy']).toContain(
      "script-src 'self'",
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
