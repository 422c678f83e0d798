import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';
import { SmtpListener, startSmtpListener } from '../mail/testing/smtp-listener';
import { GOOD_ANSWERS, openProgramme } from './testing/ambassador-fixtures';

// The real queue worker mails the links to a real local SMTP listener.
process.env['RUN_WORKERS'] = 'true';

const BASE = '/api/v1';
// Public routes are rate limited per address in Redis, which parallel spec files share.
const CLIENT_IP = '198.51.100.23';
const LINK =
  /https:\/\/portal\.example\.com\/ambassadors\/confirm\/([A-Za-z0-9_-]+)/;

describe('public applicants confirm their email (API, real SMTP)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let smtp: SmtpListener;
  let manager: TestUser;

  beforeAll(async () => {
    smtp = await startSmtpListener();
    process.env['SMTP_HOST'] = '127.0.0.1';
    process.env['SMTP_PORT'] = String(smtp.port);
    process.env['PUBLIC_URL'] = 'https://portal.example.com';
    app = await createTestApp();
    db = app.get(DataSource);
    manager = await createUser(app, 'manager');
  });

  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  const apply = (slug: string, email: string) =>
    app.inject({
      method: 'POST',
      url: `${BASE}/public/ambassador-programmes/${slug}/applications`,
      payload: { email, name: 'Pat Public', answers: GOOD_ANSWERS },
      remoteAddress: CLIENT_IP,
    });

  const confirm = (token: string) =>
    app.inject({
      method: 'POST',
      url: `${BASE}/public/ambassador-applications/confirm-email`,
      payload: { token },
      remoteAddress: CLIENT_IP,
    });

  /** The link of the latest mail to `email`, waiting for the `nth` mail in all to arrive. */
  async function linkFor(email: string, nth: number): Promise<string> {
    const mails = await smtp.waitFor(nth, 15_000);
    const mail = [...mails]
      .reverse()
      .find((m) => m.to && JSON.stringify(m.to).includes(email));
    if (!mail) throw new Error(`no mail to ${email}`);
    const match = LINK.exec(mail.text ?? '');
    if (!match) throw new Error(`no link in: ${mail.text}`);
    expect(mail.html).toContain(`/ambassadors/confirm/${match[1]}`);
    return match[1];
  }

  const applicationOf = async (email: string) =>
    (
      await db.query(
        `SELECT a.id, a.state, a.email_confirmed_at, a.email_token_hash
           FROM ambassador_applications a JOIN customers c ON c.id = a.customer_id
          WHERE c.email = $1`,
        [email],
      )
    )[0];

  it('mails a link, holds auto-approval until it is opened, then approves once', async () => {
    const programme = await openProgramme(app, manager, {
      autoApprove: { enabled: true, minScore: 0 },
    });
    const email = `pat-${randomUUID()}@example.com`;
    const before = smtp.received.length;
    const applied = await apply(programme.slug, email);
    expect(applied.statusCode).toBe(201);
    expect(applied.json().message).toContain(email);
    const token = await linkFor(email, before + 1);
    const waiting = await applicationOf(email);
    expect(waiting.state).toBe('submitted');
    expect(waiting.email_confirmed_at).toBeNull();
    // Only the hash is stored.
    expect(waiting.email_token_hash).not.toContain(token);

    const board = await app.inject({
      method: 'GET',
      url: `${BASE}/ambassador-programmes/${programme.id}/applications`,
      headers: bearer(manager),
    });
    expect(board.json().items[0]).toMatchObject({
      channel: 'public',
      emailConfirmedAt: null,
    });

    const confirmed = await confirm(token);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      programmeName: programme.name,
      programmeSlug: programme.slug,
      state: 'approved',
      confirmedNow: true,
    });
    const after = await applicationOf(email);
    expect(after.state).toBe('approved');
    expect(after.email_confirmed_at).not.toBeNull();

    const again = await confirm(token);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      state: 'approved',
      confirmedNow: false,
    });
    const audit = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'ambassador.application.email_confirmed' AND entity_id = $1`,
      [after.id],
    );
    expect(audit[0].n).toBe(1);
  });

  it('sends a fresh link when the same email applies again, and the old link stops working', async () => {
    const programme = await openProgramme(app, manager);
    const email = `again-${randomUUID()}@example.com`;
    const before = smtp.received.length;
    expect((await apply(programme.slug, email)).statusCode).toBe(201);
    const first = await linkFor(email, before + 1);
    expect((await apply(programme.slug, email)).statusCode).toBe(201);
    const second = await linkFor(email, before + 2);
    expect(second).not.toBe(first);
    expect(
      await db.query(
        `SELECT count(*)::int AS n FROM ambassador_applications a JOIN customers c ON c.id = a.customer_id WHERE c.email = $1`,
        [email],
      ),
    ).toEqual([{ n: 1 }]);
    expect((await confirm(first)).statusCode).toBe(404);
    const confirmed = await confirm(second);
    expect(confirmed.json()).toMatchObject({
      state: 'submitted',
      confirmedNow: true,
    });
  });

  it('refuses unknown, malformed and expired links with the reason, changing nothing', async () => {
    const unknown = await confirm('A'.repeat(32));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/not valid/);
    const malformed = await confirm('short');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors.token).toBe('is not a confirmation link');
    const missing = await app.inject({
      method: 'POST',
      url: `${BASE}/public/ambassador-applications/confirm-email`,
      payload: {},
      remoteAddress: CLIENT_IP,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.token).toBe('is required');

    const programme = await openProgramme(app, manager);
    const email = `late-${randomUUID()}@example.com`;
    const before = smtp.received.length;
    await apply(programme.slug, email);
    const token = await linkFor(email, before + 1);
    await db.query(
      `UPDATE ambassador_applications SET email_token_sent_at = now() - interval '8 days'
        WHERE customer_id = (SELECT id FROM customers WHERE email = $1)`,
      [email],
    );
    const expired = await confirm(token);
    expect(expired.statusCode).toBe(422);
    expect(expired.json().errors.token).toMatch(/expired/);
    expect((await applicationOf(email)).email_confirmed_at).toBeNull();
  });

  it('counts applications made in the portal as confirmed', async () => {
    const programme = await openProgramme(app, manager);
    const advocate = await createUser(app, 'advocate');
    const applied = await app.inject({
      method: 'POST',
      url: `${BASE}/ambassadors/programmes/${programme.id}/apply`,
      headers: bearer(advocate),
      payload: { answers: GOOD_ANSWERS },
    });
    expect(applied.statusCode).toBeLessThan(300);
    const board = await app.inject({
      method: 'GET',
      url: `${BASE}/ambassador-programmes/${programme.id}/applications`,
      headers: bearer(manager),
    });
    expect(board.json().items[0].channel).toBe('portal');
    expect(board.json().items[0].emailConfirmedAt).toEqual(expect.any(String));
  });
});
