import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, createTestApp, createUser } from '../../../../test/test-app';
import { Customer } from '../../customers/entities/customer.entity';
import { Referral } from '../entities/referral.entity';
import {
  EventProcessorService,
  MAX_EVENT_ATTEMPTS,
} from './event-processor.service';
import { EventsService } from './events.service';
import {
  createScheme,
  deliver,
  eventsApiKey,
  friendEmail,
  insertClick,
  purchase,
  signedHeaders,
  TEST_WEBHOOK_SECRET,
} from './testing/event-fixtures';

describe('conversion events (API)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let apiKey: Record<string, string>;

  beforeAll(async () => {
    process.env['EVENTS_WEBHOOK_SECRET'] = TEST_WEBHOOK_SECRET;
    app = await createTestApp();
    db = app.get(DataSource);
    apiKey = await eventsApiKey(app);
  });

  afterAll(async () => {
    delete process.env['EVENTS_WEBHOOK_SECRET'];
    await app.close();
  });

  const send = (payload: Record<string, unknown>) =>
    deliver(app, {
      method: 'POST',
      url: '/api/v1/events',
      headers: apiKey,
      payload,
    });

  const signed = (body: string, headers = signedHeaders(body)) =>
    deliver(app, {
      method: 'POST',
      url: '/api/v1/events',
      headers,
      payload: body,
    });

  async function rewardsOf(referralId: string) {
    return db.query(
      `SELECT customer_id, state, amount FROM rewards WHERE source = 'referral' AND source_ref = $1 ORDER BY amount DESC`,
      [referralId],
    ) as Promise<{ customer_id: string; state: string; amount: string }[]>;
  }

  describe('authentication', () => {
    it('accepts a good Standard Webhooks signature', async () => {
      const response = await signed(JSON.stringify(purchase(friendEmail())));
      expect(response.statusCode).toBe(202);
      expect(response.json().outcome).toBe('not_referred');
    });

    it('refuses a signature over another body, a stale timestamp and no credentials with 401 and a reason', async () => {
      const body = JSON.stringify(purchase(friendEmail()));
      const tampered = await signed(
        body.replace('5000', '5001'),
        signedHeaders(body),
      );
      expect(tampered.statusCode).toBe(401);
      expect(tampered.json().errors['webhook-signature']).toBe(
        'does not match the body',
      );

      const stale = await signed(
        body,
        signedHeaders(body, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
      );
      expect(stale.statusCode).toBe(401);
      expect(stale.json().errors['webhook-timestamp']).toMatch(/5 minutes/);

      const wrongSecret = await signed(
        body,
        signedHeaders(body, {
          secret: `whsec_${Buffer.from('other-secret-123').toString('base64')}`,
        }),
      );
      expect(wrongSecret.statusCode).toBe(401);

      const none = await app.inject({
        method: 'POST',
        url: '/api/v1/events',
        payload: JSON.parse(body),
      });
      expect(none.statusCode).toBe(401);
      expect(none.json().message).toMatch(/API key|signature/);
    });

    it('accepts an events:write API key and refuses a key without that scope', async () => {
      expect((await send(purchase(friendEmail()))).statusCode).toBe(202);
      const admin = await createUser(app, 'admin');
      const key = await app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: bearer(admin),
        payload: { name: 'Survey tool', scopes: ['responses:write'] },
      });
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: { 'x-api-key': key.json().key as string },
        payload: purchase(friendEmail()),
      });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('idempotency and validation', () => {
    it('replays the same receipt for a repeated event id and refuses the id with another body', async () => {
      const { code } = await createScheme(app);
      const event = purchase(friendEmail(), { code: code.code });
      const first = await signed(JSON.stringify(event));
      const again = await signed(JSON.stringify(event));
      expect(first.statusCode).toBe(202);
      expect(again.statusCode).toBe(202);
      expect(first.receipt).toEqual({
        eventId: event['id'],
        status: 'accepted',
        statusUrl: `/api/v1/events/${event['id'] as string}`,
      });
      expect(again.receipt).toEqual(first.receipt);
      expect(first.json()).toMatchObject({
        state: 'processed',
        outcome: 'qualified',
        attempts: 1,
      });
      expect(await rewardsOf(first.json().referralId)).toHaveLength(2);

      const reused = await send({ ...event, amountMinor: 9999 });
      expect(reused.statusCode).toBe(422);
      expect(reused.json().errors.id).toMatch(/different event/);
    });

    it('answers bad input with 400 and field errors, saving nothing', async () => {
      const email = friendEmail();
      const negative = await send(purchase(email, { amountMinor: -1 }));
      expect(negative.statusCode).toBe(400);
      expect(negative.json().errors.amountMinor).toBe('must not be negative');
      const absurd = await send(purchase(email, { amountMinor: 1e11 }));
      expect(absurd.json().errors.amountMinor).toMatch(/at most/);
      const currency = await send(purchase(email, { currency: 'XXX' }));
      expect(currency.statusCode).toBe(400);
      expect(currency.json().errors.currency).toMatch(/ISO 4217/);
      const noEmail = await send(
        purchase(email, { customer: { email: 'nope' } }),
      );
      expect(noEmail.json().errors['customer.email']).toMatch(/email/);
      const malformed = await app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: { ...apiKey, 'content-type': 'application/json' },
        payload: '{"id": "x",',
      });
      expect(malformed.statusCode).toBe(400);
      expect(await db.getRepository(Customer).countBy({ email })).toBe(0);
    });
  });

  describe('inbox', () => {
    const post = (payload: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: apiKey,
        payload,
      });
    const stateOf = (eventId: unknown) =>
      app.get(EventsService).status(String(eventId));

    it("processes one customer's events in the order they arrived", async () => {
      const { code } = await createScheme(app, { holdDays: 30 });
      const email = friendEmail();
      const signup: Record<string, unknown> = {
        ...purchase(email, { code: code.code }),
        type: 'signup',
        amountMinor: undefined,
        currency: undefined,
      };
      const bought = purchase(email);
      const refund: Record<string, unknown> = {
        ...purchase(email),
        type: 'refund',
        orderId: bought['orderId'],
      };
      for (const event of [signup, bought, refund])
        expect((await post(event)).statusCode).toBe(202);
      expect((await stateOf(refund['id'])).state).toBe('received');
      await app.get(EventProcessorService).drain();
      const outcomes = await Promise.all(
        [signup, bought, refund].map(
          async (e) => (await stateOf(e['id'])).outcome,
        ),
      );
      expect(outcomes).toEqual(['referred', 'qualified', 'reversed']);
      const referralId = (await stateOf(bought['id'])).referralId as string;
      const rewards = await rewardsOf(referralId);
      expect(rewards.map((r) => r.state)).toEqual(['reversed', 'reversed']);
    });

    it('retries a failing event with backoff, holds its lane meanwhile, then parks it as failed', async () => {
      const email = friendEmail();
      const broken = purchase(email);
      const next = purchase(email);
      await post(broken);
      await post(next);
      // An event the processor cannot handle: its stored payload lost the customer.
      await db.query(
        `UPDATE referral_events SET payload = payload - 'customer' WHERE event_id = $1`,
        [broken['id']],
      );
      await app.get(EventProcessorService).drain();
      const first = await stateOf(broken['id']);
      expect(first).toMatchObject({ state: 'received', attempts: 1 });
      expect(first.error).toBeTruthy();
      expect((await stateOf(next['id'])).state).toBe('received');

      for (let attempt = 2; attempt <= MAX_EVENT_ATTEMPTS; attempt++) {
        await app.get(EventProcessorService).drain();
        expect((await stateOf(broken['id'])).attempts).toBe(attempt - 1);
        await db.query(
          `UPDATE referral_events SET next_attempt_at = now() - interval '1 second' WHERE event_id = $1`,
          [broken['id']],
        );
        await app.get(EventProcessorService).drain();
      }
      expect(await stateOf(broken['id'])).toMatchObject({
        state: 'failed',
        attempts: MAX_EVENT_ATTEMPTS,
      });
      expect(await stateOf(next['id'])).toMatchObject({
        state: 'processed',
        outcome: 'not_referred',
      });

      // A manager sees it parked, mends the cause and sends it back; it is processed once.
      const manager = await createUser(app, 'manager');
      const inbox = await app.inject({
        method: 'GET',
        url: '/api/v1/event-inbox?state=failed',
        headers: bearer(manager),
      });
      expect(inbox.statusCode).toBe(200);
      const parked = inbox
        .json()
        .items.find(
          (item: { eventId: string }) => item.eventId === broken['id'],
        );
      expect(parked).toMatchObject({
        state: 'failed',
        attempts: MAX_EVENT_ATTEMPTS,
      });
      expect(inbox.json().counts.failed).toBeGreaterThanOrEqual(1);
      expect(
        inbox
          .json()
          .items.every((item: { state: string }) => item.state === 'failed'),
      ).toBe(true);
      await db.query(
        `UPDATE referral_events SET payload = payload || jsonb_build_object('customer', jsonb_build_object('email', $2::text)) WHERE event_id = $1`,
        [broken['id'], email],
      );
      const retry = (id: string, token = manager) =>
        app.inject({
          method: 'POST',
          url: `/api/v1/event-inbox/${id}/retry`,
          headers: bearer(token),
        });
      const advocate = await createUser(app, 'advocate');
      expect((await retry(parked.id, advocate)).statusCode).toBe(403);
      const retried = await retry(parked.id);
      expect(retried.statusCode).toBe(200);
      expect(retried.json()).toMatchObject({
        state: 'received',
        attempts: 0,
        error: null,
      });
      expect((await retry(parked.id)).statusCode).toBe(409);
      await app.get(EventProcessorService).drain();
      expect(await stateOf(broken['id'])).toMatchObject({
        state: 'processed',
        outcome: 'not_referred',
        attempts: 1,
      });
      const audit = await db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'referral_event.retry' AND entity_id = $1`,
        [parked.id],
      );
      expect(audit[0].n).toBe(1);
    });

    it('answers an event status to the sender only, and 404 for an unknown id', async () => {
      const event = purchase(friendEmail());
      const receipt = (await post(event)).json<{ statusUrl: string }>();
      const read = await app.inject({
        method: 'GET',
        url: receipt.statusUrl,
        headers: apiKey,
      });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({
        eventId: event['id'],
        type: 'purchase',
      });
      const anonymous = await app.inject({
        method: 'GET',
        url: receipt.statusUrl,
      });
      expect(anonymous.statusCode).toBe(401);
      const unknown = await app.inject({
        method: 'GET',
        url: '/api/v1/events/evt_unknown',
        headers: apiKey,
      });
      expect(unknown.statusCode).toBe(404);
    });
  });

  describe('attribution', () => {
    it('credits an explicit code first, then the click, then the invited email', async () => {
      const [a, b, c] = [
        await createScheme(app),
        await createScheme(app),
        await createScheme(app),
      ];
      const clickB = await insertClick(app, b.code);
      const hints = { clickId: clickB, referrerEmail: c.referrer.email };

      const byCode = await send({
        ...purchase(friendEmail()),
        ...hints,
        code: a.code.code.toUpperCase(),
      });
      const byClick = await send({ ...purchase(friendEmail()), ...hints });
      const byEmail = await send({
        ...purchase(friendEmail()),
        referrerEmail: c.referrer.email,
      });

      const referral = (id: string) =>
        db.getRepository(Referral).findOneByOrFail({ id });
      expect(await referral(byCode.json().referralId)).toMatchObject({
        referrerCustomerId: a.referrer.id,
        attributionSource: 'code',
      });
      expect(await referral(byClick.json().referralId)).toMatchObject({
        referrerCustomerId: b.referrer.id,
        attributionSource: 'click',
        clickId: clickB,
      });
      expect(await referral(byEmail.json().referralId)).toMatchObject({
        referrerCustomerId: c.referrer.id,
        attributionSource: 'invited_email',
      });
    });

    it('follows the programme model when one device clicked several links', async () => {
      for (const model of ['first_click', 'last_click'] as const) {
        const first = await createScheme(app, { attributionModel: model });
        const second = await createScheme(app);
        // Both codes in one programme, so the device's clicks compete.
        await db.query(
          `UPDATE referral_codes SET programme_id = $1 WHERE id = $2`,
          [first.programme.id, second.code.id],
        );
        const device = {
          ipHash: randomUUID(),
          userAgent: 'Mozilla/5.0 same phone',
        };
        await insertClick(app, first.code, {
          ...device,
          at: new Date(Date.now() - 3_600_000),
        });
        const latest = await insertClick(
          app,
          { ...second.code, programmeId: first.programme.id },
          device,
        );
        const response = await send({
          ...purchase(friendEmail()),
          clickId: latest,
        });
        const referral = await db
          .getRepository(Referral)
          .findOneByOrFail({ id: response.json().referralId });
        expect(referral.referrerCustomerId).toBe(
          model === 'first_click' ? first.referrer.id : second.referrer.id,
        );
      }
    });

    it('moves a pending referral to a newer code under last_click, never under first_click', async () => {
      for (const model of ['first_click', 'last_click'] as const) {
        const first = await createScheme(app, { attributionModel: model });
        const second = await createScheme(app);
        await db.query(
          `UPDATE referral_codes SET programme_id = $1 WHERE id = $2`,
          [first.programme.id, second.code.id],
        );
        const email = friendEmail();
        const click = await insertClick(app, first.code);
        const signup = await send({
          id: `evt_${randomUUID()}`,
          type: 'signup',
          occurredAt: new Date().toISOString(),
          customer: { email },
          clickId: click,
        });
        const bought = await send(purchase(email, { code: second.code.code }));
        expect(bought.json()).toMatchObject({
          outcome: 'qualified',
          referralId: signup.json().referralId,
        });
        const referral = await db
          .getRepository(Referral)
          .findOneByOrFail({ id: signup.json().referralId });
        expect(referral.referrerCustomerId).toBe(
          model === 'first_click' ? first.referrer.id : second.referrer.id,
        );
      }
    });

    it('ignores clicks outside the attribution window and unreferred purchases', async () => {
      const { code } = await createScheme(app, { attributionWindowDays: 7 });
      const old = await insertClick(app, code, {
        at: new Date(Date.now() - 8 * 86_400_000),
      });
      expect(
        (await send({ ...purchase(friendEmail()), clickId: old })).json()
          .outcome,
      ).toBe('not_referred');
      expect((await send(purchase(friendEmail()))).json().outcome).toBe(
        'not_referred',
      );
    });

    it('stores the signup click and qualifies on the first purchase without hints', async () => {
      const { code } = await createScheme(app);
      const click = await insertClick(app, code);
      const email = friendEmail();
      const signup = await send({
        id: `evt_${randomUUID()}`,
        type: 'signup',
        occurredAt: new Date().toISOString(),
        customer: { email, externalId: `ext-${randomUUID()}` },
        clickId: click,
      });
      expect(signup.json().outcome).toBe('referred');
      const bought = await send(purchase(email));
      expect(bought.json()).toMatchObject({
        outcome: 'qualified',
        referralId: signup.json().referralId,
      });
    });

    it('gives existing customers nothing', async () => {
      const { code } = await createScheme(app);
      const email = friendEmail();
      await db
        .getRepository(Customer)
        .save({ email, name: 'Old', purchaseCount: 3 });
      const response = await send(purchase(email, { code: code.code }));
      expect(response.json().outcome).toBe('existing_customer');
      expect(await rewardsOf(response.json().referralId)).toHaveLength(0);
      const customer = await db
        .getRepository(Customer)
        .findOneByOrFail({ email });
      expect(customer.purchaseCount).toBe(4);
    });
  });
});
