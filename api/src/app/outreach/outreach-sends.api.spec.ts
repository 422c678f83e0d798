import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';
import { SmtpListener, startSmtpListener } from '../mail/testing/smtp-listener';
import { activeProgramme } from '../referrals/programmes/testing/programme-fixtures';
import {
  OutreachDeliveryService,
  TransientMailError,
} from './outreach-delivery.service';
import { createCustomer, createTemplate } from './testing/outreach-fixtures';

describe('outreach sends (API, real SMTP)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let smtp: SmtpListener;
  let brand: TestUser;
  let manager: TestUser;
  let programmeId: string;
  let referralTemplate: string;

  beforeAll(async () => {
    smtp = await startSmtpListener();
    process.env['SMTP_HOST'] = '127.0.0.1';
    process.env['SMTP_PORT'] = String(smtp.port);
    process.env['PUBLIC_URL'] = 'https://portal.example.com';
    app = await createTestApp();
    db = app.get(DataSource);
    brand = await createUser(app, 'brand');
    manager = await createUser(app, 'manager');
    programmeId = await activeProgramme(app, manager);
    referralTemplate = await createTemplate(app, brand);
  });

  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  const createSend = (payload: object) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/outreach/sends',
      headers: bearer(brand),
      payload,
    });
  const deliver = (sendId: string, finalAttempt = false) =>
    app.get(OutreachDeliveryService).deliver(sendId, finalAttempt);
  const report = async (sendId: string) =>
    (
      await app.inject({
        method: 'GET',
        url: `/api/v1/outreach/sends/${sendId}`,
        headers: bearer(brand),
      })
    ).json();
  const messages = async (sendId: string) =>
    (
      await app.inject({
        method: 'GET',
        url: `/api/v1/outreach/sends/${sendId}/messages?pageSize=50`,
        headers: bearer(brand),
      })
    ).json().items as {
      customerId: string;
      status: string;
      reason: string | null;
      email: string;
    }[];
  const audience = (customerIds: string[], npsCategories: string[] = []) => ({
    npsCategories,
    segmentKeys: [],
    customerIds,
  });
  const statusOf = async (sendId: string, customerId: string) =>
    (await messages(sendId)).find((m) => m.customerId === customerId);

  it('mails a segment over SMTP, skips with reasons, and reports sends and clicks', async () => {
    const ann = await createCustomer(db, {
      name: 'Ann <b>Lee</b>',
      email: `ann-${Date.now()}@test.example`,
    });
    const noMarketing = await createCustomer(db, { consentMarketing: false });
    const badAddress = await createCustomer(db, {
      email: `not-an-address-${Date.now()}@localhost`,
    });
    const passive = await createCustomer(db, { category: 'passive' });
    const throttled = await createCustomer(db);
    // Two earlier sends to `throttled` within the period (default: 2 per 7 days).
    for (let i = 0; i < 2; i += 1) {
      const earlier = await createSend({
        templateId: referralTemplate,
        audience: audience([throttled]),
        programmeId,
      });
      await deliver(earlier.json().id);
    }
    const before = smtp.received.length;

    const created = await createSend({
      templateId: referralTemplate,
      audience: audience(
        [ann, noMarketing, badAddress, passive, throttled],
        ['promoter'],
      ),
      programmeId,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'scheduled',
      purpose: 'referral_invitation',
    });
    const sendId = created.json().id;
    expect(await deliver(sendId)).toBe('completed');

    const arrived = await smtp.waitFor(before + 1);
    const mail = arrived[arrived.length - 1];
    expect(mail.subject).toBe('A gift for your friends, Ann');
    expect(mail.text).toContain('Hi Ann,');
    expect(mail.html).toContain('https://portal.example.com/o/');
    const header = (name: string) =>
      mail.headerLines
        .find((line) => line.key === name)
        ?.line.replace(/^[^:]+:\s*/, '');
    const unsubscribe = header('list-unsubscribe');
    expect(unsubscribe).toMatch(
      /^<https:\/\/portal\.example\.com\/api\/v1\/outreach\/unsubscribe\/[a-f0-9]{64}>$/,
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain('https://portal.example.com/unsubscribe/');

    expect(await statusOf(sendId, ann)).toMatchObject({
      status: 'sent',
      reason: null,
    });
    expect(await statusOf(sendId, noMarketing)).toMatchObject({
      status: 'skipped',
      reason: 'no_marketing_consent',
    });
    expect(await statusOf(sendId, badAddress)).toMatchObject({
      status: 'skipped',
      reason: 'invalid_address',
    });
    expect(await statusOf(sendId, throttled)).toMatchObject({
      status: 'skipped',
      reason: 'throttled',
    });
    expect(await statusOf(sendId, passive)).toBeUndefined();

    const token = /\/o\/([a-f0-9]{64})/.exec(mail.text ?? '')?.[1];
    const click = await app.inject({ method: 'GET', url: `/o/${token}` });
    expect(click.statusCode).toBe(302);
    const code: { code: string }[] = await db.query(
      `SELECT code FROM referral_codes WHERE customer_id = $1 AND programme_id = $2`,
      [ann, programmeId],
    );
    expect(click.headers.location).toBe(`/r/${code[0].code}`);
    await app.inject({ method: 'GET', url: `/o/${token}` });
    const unknown = await app.inject({
      method: 'GET',
      url: `/o/${'0'.repeat(64)}`,
    });
    expect(unknown.headers.location).toBe('/');

    const friend = await createCustomer(db);
    await db.query(
      `INSERT INTO referrals (programme_id, referrer_customer_id, friend_customer_id, status, segment_snapshot,
          segment_key, attribution_source, attributed_at)
       VALUES ($1, $2, $3, 'pending', '{}', 'promoters', 'click', now())`,
      [programmeId, ann, friend],
    );
    expect(await report(sendId)).toMatchObject({
      referralsAfter: 1,
      status: 'completed',
      counts: { recipients: 4, queued: 0, sent: 1, failed: 0, skipped: 3 },
      skippedByReason: {
        no_marketing_consent: 1,
        invalid_address: 1,
        throttled: 1,
      },
      clickedMessages: 1,
      totalClicks: 2,
      byCategory: [{ npsCategory: 'promoter', sent: 1, clicked: 1 }],
    });
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/outreach/sends',
      headers: bearer(brand),
    });
    expect(list.json().items[0]).toMatchObject({
      id: sendId,
      counts: { sent: 1 },
    });
  });

  it('never mails anyone twice: a second run, or a message a crashed worker left sending', async () => {
    const first = await createCustomer(db);
    const second = await createCustomer(db);
    const created = await createSend({
      templateId: referralTemplate,
      audience: audience([first, second]),
      programmeId,
    });
    const sendId = created.json().id;
    await deliver(sendId);
    const sentCount = smtp.received.length;
    // Simulate a crash: the first message is claimed (sending) but its outcome was never written.
    await db.query(
      `UPDATE outreach_messages SET status = 'sending', claimed_at = now() - interval '1 hour' WHERE send_id = $1 AND customer_id = $2`,
      [sendId, first],
    );
    await db.query(
      `UPDATE outreach_sends SET status = 'running' WHERE id = $1`,
      [sendId],
    );
    await deliver(sendId);
    await deliver(sendId);
    expect(smtp.received.length).toBe(sentCount);
    await app.get(OutreachDeliveryService).recover();
    expect(await statusOf(sendId, first)).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('not retried'),
    });
    expect((await report(sendId)).status).toBe('completed');
  });

  it('records an SMTP rejection as failed with the reason, and retries a busy server later', async () => {
    const rejected = `rejected-${Date.now()}@test.example`;
    smtp.reject.add(rejected);
    const refused = await createCustomer(db, { email: rejected });
    const sendRejected = (
      await createSend({
        templateId: referralTemplate,
        audience: audience([refused]),
        programmeId,
      })
    ).json().id;
    await deliver(sendRejected);
    expect(await statusOf(sendRejected, refused)).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('550'),
    });

    const later = await createCustomer(db);
    const sendLater = (
      await createSend({
        templateId: referralTemplate,
        audience: audience([later]),
        programmeId,
      })
    ).json().id;
    smtp.busy.value = true;
    await expect(deliver(sendLater)).rejects.toBeInstanceOf(TransientMailError);
    expect(await statusOf(sendLater, later)).toMatchObject({
      status: 'queued',
    });
    smtp.busy.value = false;
    const before = smtp.received.length;
    expect(await deliver(sendLater)).toBe('completed');
    await smtp.waitFor(before + 1);
    expect(await statusOf(sendLater, later)).toMatchObject({ status: 'sent' });

    const giveUp = await createCustomer(db);
    const sendGiveUp = (
      await createSend({
        templateId: referralTemplate,
        audience: audience([giveUp]),
        programmeId,
      })
    ).json().id;
    smtp.busy.value = true;
    expect(await deliver(sendGiveUp, true)).toBe('completed');
    smtp.busy.value = false;
    expect(await statusOf(sendGiveUp, giveUp)).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('451'),
    });
  });

  it('skips recipients not eligible for the programme', async () => {
    const champions = await activeProgramme(app, manager, {
      eligibleSegments: ['champions'],
    });
    const customer = await createCustomer(db, { segmentKey: 'promoters' });
    const sendId = (
      await createSend({
        templateId: referralTemplate,
        audience: audience([customer]),
        programmeId: champions,
      })
    ).json().id;
    await deliver(sendId);
    expect(await statusOf(sendId, customer)).toMatchObject({
      status: 'skipped',
      reason: 'not_eligible',
    });
  });

  it('sends personal survey links, and skips everyone once the survey is closed', async () => {
    const survey: { id: string }[] = await db.query(
      `INSERT INTO surveys (kind, name, question) VALUES ('nps', 'Outreach NPS', 'How likely?') RETURNING id`,
    );
    const feedback = await createTemplate(app, brand, {
      name: 'Make it a 10',
      purpose: 'feedback_request',
      audience: 'passive',
      subject: 'What would make it a 10?',
      body: 'Hi {{name}}, tell us: {{surveyLink}}',
    });
    const customer = await createCustomer(db, {
      category: 'passive',
      consentMarketing: false,
    });
    const before = smtp.received.length;
    const sendId = (
      await createSend({
        templateId: feedback,
        audience: audience([customer]),
        surveyId: survey[0].id,
      })
    ).json().id;
    await deliver(sendId);
    // Feedback is a service message: email consent is enough.
    expect(await statusOf(sendId, customer)).toMatchObject({ status: 'sent' });
    const [mail] = (await smtp.waitFor(before + 1)).slice(-1);
    expect(mail.text).toMatch(
      /https:\/\/portal\.example\.com\/s\/[A-Za-z0-9_-]{40,}/,
    );

    const other = await createCustomer(db, { category: 'passive' });
    const later = (
      await createSend({
        templateId: feedback,
        audience: audience([other]),
        surveyId: survey[0].id,
      })
    ).json().id;
    await db.query(`UPDATE surveys SET active = false WHERE id = $1`, [
      survey[0].id,
    ]);
    await deliver(later);
    expect(await statusOf(later, other)).toMatchObject({
      status: 'skipped',
      reason: 'survey_unavailable',
    });
  });

  it('unsubscribes through the page and the one-click header, and later sends honour it', async () => {
    const customer = await createCustomer(db, {
      email: `zoe-${Date.now()}@test.example`,
    });
    const sendId = (
      await createSend({
        templateId: referralTemplate,
        audience: audience([customer]),
        programmeId,
      })
    ).json().id;
    await deliver(sendId);
    const [row]: { token: string }[] = await db.query(
      `SELECT token FROM outreach_messages WHERE send_id = $1`,
      [sendId],
    );
    const url = `/api/v1/outreach/unsubscribe/${row.token}`;
    const view = await app.inject({ method: 'GET', url });
    expect(view.json()).toEqual({
      email: 'z***@test.example',
      unsubscribed: false,
    });
    const oneClick = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.json().unsubscribed).toBe(true);
    const again = await app.inject({ method: 'POST', url });
    expect(again.statusCode).toBe(200);
    const [consent] = await db.query(
      `SELECT consent_email, consent_marketing FROM customers WHERE id = $1`,
      [customer],
    );
    expect(consent).toEqual({ consent_email: false, consent_marketing: false });
    const audit = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'outreach.unsubscribed' AND entity_id = $1`,
      [customer],
    );
    expect(audit[0].n).toBe(1);

    const next = (
      await createSend({
        templateId: referralTemplate,
        audience: audience([customer]),
        programmeId,
      })
    ).json().id;
    await deliver(next);
    expect(await statusOf(next, customer)).toMatchObject({
      status: 'skipped',
      reason: 'no_consent',
    });
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/outreach/unsubscribe/nonsense',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses a public review request limited to promoters (REVIEW_GATING) and saves nothing', async () => {
    const review = await createTemplate(app, brand, {
      name: 'Review us',
      purpose: 'public_review_request',
      audience: 'all',
      subject: 'How did we do?',
      body: 'Hi {{firstName}}, would you review us publicly?',
    });
    const count = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM outreach_sends`))[0].n;
    const before = await count();
    for (const filter of [
      audience([], ['promoter']),
      audience([], ['promoter', 'passive']),
      { ...audience([]), segmentKeys: ['champions'] },
    ]) {
      const response = await createSend({
        templateId: review,
        audience: filter,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'REVIEW_GATING',
        errors: { audience: expect.stringContaining('review gating') },
      });
    }
    expect(await count()).toBe(before);
    const everyone = await createSend({
      templateId: review,
      audience: audience([]),
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(everyone.statusCode).toBe(201);
  });

  it('schedules a send for later, refuses a past time, and cancels it', async () => {
    const customer = await createCustomer(db);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const created = await createSend({
      templateId: referralTemplate,
      audience: audience([customer]),
      programmeId,
      scheduledAt: at,
    });
    expect(created.json()).toMatchObject({
      status: 'scheduled',
      scheduledAt: at,
    });
    const sendId = created.json().id;
    expect(await deliver(sendId)).toBe('not_due');
    expect(await messages(sendId)).toEqual([]);

    const past = await createSend({
      templateId: referralTemplate,
      audience: audience([customer]),
      programmeId,
      scheduledAt: '2020-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual({
      scheduledAt: 'must be in the future',
    });

    const cancel = await app.inject({
      method: 'POST',
      url: `/api/v1/outreach/sends/${sendId}/cancel`,
      headers: bearer(brand),
    });
    expect(cancel.json().status).toBe('cancelled');
    const twice = await app.inject({
      method: 'POST',
      url: `/api/v1/outreach/sends/${sendId}/cancel`,
      headers: bearer(brand),
    });
    expect(twice.statusCode).toBe(409);
  });

  it('explains bad send input field by field', async () => {
    const missingProgramme = await createSend({
      templateId: referralTemplate,
      audience: audience([]),
    });
    expect(missingProgramme.statusCode).toBe(400);
    expect(missingProgramme.json().errors).toEqual({
      programmeId: 'is required: the template uses {{referralLink}}',
    });
    const unknownCustomer = await createSend({
      templateId: referralTemplate,
      audience: audience(['00000000-0000-4000-8000-000000000000']),
      programmeId,
    });
    expect(unknownCustomer.json().errors).toEqual({
      'audience.customerIds': '1 of them is not a known customer',
    });
    const badCategory = await createSend({
      templateId: referralTemplate,
      audience: { npsCategories: ['happy'], segmentKeys: [], customerIds: [] },
      programmeId,
    });
    expect(badCategory.statusCode).toBe(400);
    expect(Object.keys(badCategory.json().errors)).toEqual([
      'audience.npsCategories',
    ]);
    const unknownSegment = await createSend({
      templateId: referralTemplate,
      audience: {
        npsCategories: [],
        segmentKeys: ['champions', 'vips'],
        customerIds: [],
      },
      programmeId,
    });
    expect(unknownSegment.json().errors).toEqual({
      'audience.segmentKeys': 'vips is not a segment',
    });
    const unknownTemplate = await createSend({
      templateId: '00000000-0000-4000-8000-000000000000',
      audience: audience([]),
    });
    expect(unknownTemplate.json().errors).toEqual({
      templateId: 'is not a known template',
    });
  });

  it('counts an audience before sending, with who would be skipped', async () => {
    const fine = await createCustomer(db);
    const noConsent = await createCustomer(db, { consentEmail: false });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/outreach/audience-count',
      headers: bearer(brand),
      payload: {
        templateId: referralTemplate,
        audience: audience([fine, noConsent]),
      },
    });
    expect(response.json()).toEqual({ matched: 2, skipped: { no_consent: 1 } });
  });
});
