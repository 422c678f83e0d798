import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  signIn,
  TEST_PASSWORD,
} from '../../../test/test-app';
import { AuditEntryEntity } from '../audit/entities/audit-entry.entity';

const REFRESH_COOKIE = 'advocacy_rt';

function refreshCookie(setCookie: string | string[] | undefined): string {
  const header = ([] as string[])
    .concat(setCookie ?? [])
    .find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  if (!header) throw new Error('no refresh cookie was set');
  return header.split(';')[0];
}

describe('auth (API)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('signs in, returns the session user and records the sign-in', async () => {
    const manager = await createUser(app, 'manager');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: manager.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ id: manager.id, role: 'manager' });
    expect(body.accessToken).toEqual(expect.any(String));
    expect(refreshCookie(response.headers['set-cookie'])).toMatch(
      /^advocacy_rt=/,
    );
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly/i);

    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(me.json()).toMatchObject({ email: manager.email });

    const entries = await app
      .get(DataSource)
      .getRepository(AuditEntryEntity)
      .findBy({ action: 'auth.login', entityId: manager.id });
    expect(entries.length).toBeGreaterThanOrEqual(1);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const user = await createUser(app, 'brand');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'not-the-password' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: {
        email: 'nobody-here@test.example',
        password: 'not-the-password',
      },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses protected routes without a token and with the wrong role', async () => {
    const advocate = await createUser(app, 'advocate');
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode,
    ).toBe(401);
    const forbidden = await app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: bearer(advocate),
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
    const tampered = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${advocate.token}x` },
    });
    expect(tampered.statusCode).toBe(401);
  });

  it('rotates refresh tokens and revokes the family when a rotated one is reused', async () => {
    const user = await createUser(app, 'admin');
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const first = refreshCookie(login.headers['set-cookie']);

    const rotated = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: first },
    });
    expect(rotated.statusCode).toBe(200);
    const second = refreshCookie(rotated.headers['set-cookie']);
    expect(second).not.toBe(first);

    const reuse = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: first },
    });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().code).toBe('TOKEN_REUSED');

    // The thief's reuse also ended the legitimate newer token of the same family.
    const afterRevocation = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: second },
    });
    expect(afterRevocation.statusCode).toBe(401);
  });

  it('logs out by revoking the refresh token', async () => {
    const user = await createUser(app, 'brand');
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const cookie = refreshCookie(login.headers['set-cookie']);
    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie },
    });
    expect(logout.statusCode).toBe(204);
    const refresh = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('rate-limits repeated sign-in failures for one email with 429 and Retry-After', async () => {
    const user = await createUser(app, 'manager');
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 12; i++) {
      last = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: `wrong-${i}` },
        remoteAddress: `10.0.0.${i + 1}`,
      });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[11]).toBe(429);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.json().code).toBe('RATE_LIMITED');
    // Even the right password waits until the window ends, or guessing would go on.
    const right = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      remoteAddress: '10.0.1.1',
    });
    expect(right.statusCode).toBe(429);
  });

  it('lets an advocate join, refusing weak passwords field by field', async () => {
    const weak = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/join',
      payload: { email: 'new@test.example', name: 'New', password: 'password' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors.password).toMatch(/common/);
    const short = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/join',
      payload: { email: 'new@test.example', name: 'New', password: 'x1' },
    });
    expect(short.json().errors.password).toMatch(/8-128/);

    const email = `joiner-${Date.now()}@test.example`;
    const joined = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/join',
      payload: {
        email,
        name: 'Jo Iner',
        password: 'a-long-unusual-passphrase',
      },
    });
    expect(joined.statusCode).toBe(201);
    expect(joined.json().user).toMatchObject({
      role: 'advocate',
      customerId: expect.any(String),
    });

    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/join',
      payload: {
        email,
        name: 'Jo Iner',
        password: 'a-long-unusual-passphrase',
      },
    });
    expect(again.statusCode).toBe(409);
  });

  it('lets an admin invite staff, who set a password once', async () => {
    const admin = await createUser(app, 'admin');
    const email = `invitee-${Date.now()}@test.example`;
    const invite = await app.inject({
      method: 'POST',
      url: '/api/v1/users/invite',
      headers: bearer(admin),
      payload: { email, name: 'In Vitee', role: 'brand' },
    });
    expect(invite.statusCode).toBe(201);
    const token = new URL(invite.json().inviteUrl).searchParams.get('token');
    expect(token).toBeTruthy();

    const accept = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invite',
      payload: { token, password: 'another-long-passphrase' },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().user).toMatchObject({ email, role: 'brand' });
    const twice = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invite',
      payload: { token, password: 'another-long-passphrase' },
    });
    expect(twice.statusCode).toBe(400);
    expect(await signIn(app, email, 'another-long-passphrase')).toEqual(
      expect.any(String),
    );

    const audit = await app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=user.invited',
      headers: bearer(admin),
    });
    expect(
      audit
        .json()
        .items.some(
          (entry: { after: { email: string } }) => entry.after.email === email,
        ),
    ).toBe(true);
  });

  it('a disabled user can no longer sign in', async () => {
    const admin = await createUser(app, 'admin');
    const target = await createUser(app, 'manager');
    const disable = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${target.id}`,
      headers: bearer(admin),
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect(disable.json().disabled).toBe(true);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: target.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    const self = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${admin.id}`,
      headers: bearer(admin),
      payload: { disabled: true },
    });
    expect(self.statusCode).toBe(403);
  });
});
