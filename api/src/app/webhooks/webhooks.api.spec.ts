import { WebhookEventType } from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';
import { AppConfig } from '../config/app-config';
import { verifyWebhook } from '../referrals/events/webhook-signature';
import { startReceiver } from './testing/receiver';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import { WebhookOutboxService } from './webhook-outbox.service';
import { WebhooksProcessor } from './webhooks.processor';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('outgoing webhooks (API)', () => {
  let app: NestFastifyApplication;
  let admin: TestUser;
  let manager: TestUser;
  let receiver: Receiver;
  let config: AppConfig;
  let sharedPrefix: string | undefined;

  beforeAll(async () => {
    process.env['WEBHOOKS_ALLOW_PRIVATE_TARGETS'] = 'true';
    process.env['WEBHOOKS_TIMEOUT_SECONDS'] = '1';
    process.env['WEBHOOKS_RETRY_BASE_MS'] = '50';
    // Own queues: workers other suites start must not deliver this suite's jobs.
    sharedPrefix = process.env['REDIS_PREFIX'];
    process.env['REDIS_PREFIX'] = `${sharedPrefix}:webhooks`;
    app = await createTestApp();
    config = app.get(AppConfig);
    admin = await createUser(app, 'admin');
    manager = await createUser(app, 'manager');
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await receiver.close();
    await app.close();
    delete process.env['WEBHOOKS_ALLOW_PRIVATE_TARGETS'];
    delete process.env['WEBHOOKS_TIMEOUT_SECONDS'];
    delete process.env['WEBHOOKS_RETRY_BASE_MS'];
    process.env['REDIS_PREFIX'] = sharedPrefix;
  });

  afterEach(() => {
    config.WEBHOOKS_ALLOW_PRIVATE_TARGETS = true;
  });

  async function register(
    path: string,
    events: string[] = ['nps.response.created'],
  ): Promise<{ id: string; secret: string }> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/endpoints',
      headers: bearer(admin),
      payload: { url: receiver.url(path), events, description: path },
    });
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  async function publish(type: WebhookEventType, data: object): Promise<void> {
    await app
      .get(DataSource)
      .transaction((m) => app.get(WebhookOutboxService).publish(m, type, data));
    await app.get(WebhookDispatcherService).dispatchPending();
  }

  /** The delivery of a freshly published event to one endpoint (others may subscribe too). */
  async function publishTo(
    endpointId: string,
    data: object,
    type: WebhookEventType = 'case.opened',
  ): Promise<string> {
    const marker = randomUUID();
    await publish(type, { ...data, marker });
    const [row] = await app.get(DataSource).query<{ id: string }[]>(
      `SELECT d.id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
        WHERE e.data->>'marker' = $1 AND d.endpoint_id = $2`,
      [marker, endpointId],
    );
    return row.id;
  }

  const attempt = (id: string, final = false) =>
    app.get(WebhookDeliveryService).attempt(id, { final });

  const detail = (id: string) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/webhooks/deliveries/${id}`,
      headers: bearer(admin),
    });

  it('registers an endpoint for admins only, showing the secret once', async () => {
    const created = await register('/ok/register');
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/webhooks/endpoints',
      headers: bearer(admin),
    });
    const listed = list
      .json()
      .items.find((e: { id: string }) => e.id === created.id);
    expect(listed).toMatchObject({
      active: true,
      events: ['nps.response.created'],
    });
    expect(JSON.stringify(list.json())).not.toContain(created.secret);
    const forbidden = await app.inject({
      method: 'GET',
      url: '/api/v1/webhooks/endpoints',
      headers: bearer(manager),
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('refuses unknown events and non-http URLs with field messages', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/endpoints',
      headers: bearer(admin),
      payload: { url: 'ftp://example.com/x', events: ['order.created'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.events).toContain('must only contain');
    const badUrl = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/endpoints',
      headers: bearer(admin),
      payload: { url: 'ftp://example.com/x', events: ['case.opened'] },
    });
    expect(badUrl.statusCode).toBe(422);
    expect(badUrl.json().errors.url).toBe('must be an http or https URL');
  });

  it.each([
    'http://127.0.0.1:9/hook',
    'http://10.1.2.3/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]:8080/hook',
    'http://[fd00::1]/hook',
    'http://100.64.0.1/hook',
    'http://localhost:3000/hook',
  ])('refuses %s when private targets are not allowed', async (url) => {
    config.WEBHOOKS_ALLOW_PRIVATE_TARGETS = false;
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/endpoints',
      headers: bearer(admin),
      payload: { url, events: ['case.opened'] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.url).toMatch(
      /private or loopback address .*only public addresses are allowed/,
    );
  });

  it('fans an event out to subscribed active endpoints once, signed per Standard Webhooks', async () => {
    const subscribed = await register('/ok/signed');
    const other = await register('/ok/other', ['case.opened']);
    const disabled = await register('/ok/disabled');
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/endpoints/${disabled.id}`,
      headers: bearer(admin),
      payload: { active: false },
    });
    const marker = randomUUID();
    await publish('nps.response.created', { score: 3, marker });
    // Only this event's deliveries: other suites may publish at the same time.
    const ofEvent = () =>
      app.get(DataSource).query<{ id: string; endpoint_id: string }[]>(
        `SELECT d.id, d.endpoint_id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
            WHERE e.data->>'marker' = $1`,
        [marker],
      );
    const fanned = await ofEvent();
    const endpoints = fanned.map((d) => d.endpoint_id);
    expect(endpoints).toContain(subscribed.id);
    expect(endpoints).not.toContain(other.id);
    expect(endpoints).not.toContain(disabled.id);
    await app.get(WebhookDispatcherService).dispatchPending();
    expect(await ofEvent()).toHaveLength(fanned.length);

    const mine = fanned[endpoints.indexOf(subscribed.id)].id;
    expect(await attempt(mine)).toBe('succeeded');
    const hit = receiver.received.find((r) => r.path === '/ok/signed');
    expect(hit).toBeDefined();
    if (!hit) return;
    const check = verifyWebhook(
      subscribed.secret,
      {
        id: hit.headers['webhook-id'] as string,
        timestamp: hit.headers['webhook-timestamp'] as string,
        signature: hit.headers['webhook-signature'] as string,
      },
      Buffer.from(hit.body),
    );
    expect(check).toEqual({ ok: true });
    expect(JSON.parse(hit.body)).toMatchObject({
      type: 'nps.response.created',
      data: { score: 3 },
    });
    const logged = (await detail(mine)).json();
    expect(logged).toMatchObject({
      state: 'succeeded',
      attempts: 1,
      lastStatusCode: 200,
    });
    expect(logged.attemptLog[0]).toMatchObject({
      attempt: 1,
      statusCode: 200,
      responseExcerpt: '{"received":true}',
    });
    expect(hit.headers['webhook-id']).toBe(logged.eventId);
    expect(await attempt(mine)).toBe('skipped');
  });

  it('retries a failing endpoint and logs every attempt', async () => {
    const endpoint = await register('/flaky/one', ['case.opened']);
    const id = await publishTo(endpoint.id, { caseId: 'x' });
    expect(await attempt(id)).toBe('retry');
    expect((await detail(id)).json()).toMatchObject({
      state: 'retrying',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'receiver answered 500',
    });
    expect(await attempt(id)).toBe('succeeded');
    const logged = (await detail(id)).json();
    expect(
      logged.attemptLog.map((a: { statusCode: number }) => a.statusCode),
    ).toEqual([500, 200]);
    expect(logged.attemptLog[0].responseExcerpt).toBe('temporarily broken');
    const page = await app.inject({
      method: 'GET',
      url: `/api/v1/webhooks/endpoints/${endpoint.id}/deliveries?state=succeeded`,
      headers: bearer(admin),
    });
    expect(page.json().items.map((d: { id: string }) => d.id)).toEqual([id]);
  });

  it('times out a hanging endpoint without holding the worker, then fails on the last attempt', async () => {
    const hanging = await register('/hang/one', ['case.opened']);
    const id = await publishTo(hanging.id, { caseId: 'y' });
    const started = Date.now();
    expect(await attempt(id)).toBe('retry');
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await detail(id)).json().lastError).toBe('timed out after 1 s');
    expect(await attempt(id, true)).toBe('failed');
    expect((await detail(id)).json()).toMatchObject({
      state: 'failed',
      attempts: 2,
    });
  });

  it('replays a delivery as a new delivery with the same webhook-id', async () => {
    const target = await register('/ok/replay', ['case.opened']);
    const id = await publishTo(target.id, { caseId: 'z' });
    await attempt(id);
    const replay = await app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/deliveries/${id}/replay`,
      headers: bearer(admin),
    });
    expect(replay.statusCode).toBe(202);
    const copy = replay.json();
    expect(copy).toMatchObject({ replayOf: id, state: 'pending' });
    expect(await attempt(copy.id)).toBe('succeeded');
    const hits = receiver.received.filter((r) => r.path === '/ok/replay');
    expect(hits).toHaveLength(2);
    expect(hits[0].headers['webhook-id']).toBe(hits[1].headers['webhook-id']);
    expect(hits[0].body).toBe(hits[1].body);
  });

  it('rotates a secret without downtime: both signatures during the grace period', async () => {
    const endpoint = await register('/ok/rotate', ['case.opened']);
    const rotated = await app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/endpoints/${endpoint.id}/rotate-secret`,
      headers: bearer(admin),
      payload: { graceHours: 24 },
    });
    expect(rotated.statusCode).toBe(200);
    const { secret, previousSecretExpiresAt } = rotated.json();
    expect(secret).not.toBe(endpoint.secret);
    expect(previousSecretExpiresAt).not.toBeNull();
    const id = await publishTo(endpoint.id, { caseId: 'r' });
    await attempt(id);
    const hit = receiver.received.filter((r) => r.path === '/ok/rotate').pop();
    if (!hit) throw new Error('not delivered');
    const signature = hit.headers['webhook-signature'] as string;
    expect(signature.split(' ')).toHaveLength(2);
    const headers = {
      id: hit.headers['webhook-id'] as string,
      timestamp: hit.headers['webhook-timestamp'] as string,
      signature,
    };
    expect(verifyWebhook(secret, headers, Buffer.from(hit.body)).ok).toBe(true);
    expect(
      verifyWebhook(endpoint.secret, headers, Buffer.from(hit.body)).ok,
    ).toBe(true);

    const bad = await app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/endpoints/${endpoint.id}/rotate-secret`,
      headers: bearer(admin),
      payload: { graceHours: 500 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.graceHours).toBe(
      'must be between 0 and 168 hours',
    );
  });

  it('sends a test event to one endpoint only', async () => {
    const endpoint = await register('/ok/test', ['case.opened']);
    const sent = await app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/endpoints/${endpoint.id}/test`,
      headers: bearer(admin),
    });
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toMatchObject({
      eventType: 'webhook.test',
      endpointId: endpoint.id,
    });
    expect(await attempt(sent.json().id)).toBe('succeeded');
    const hit = receiver.received.filter((r) => r.path === '/ok/test').pop();
    expect(JSON.parse(hit?.body ?? '{}').type).toBe('webhook.test');
  });

  it('refuses a private target again at delivery time, without retrying', async () => {
    const target = await register('/ok/rebind', ['case.opened']);
    const id = await publishTo(target.id, { caseId: 'p' });
    config.WEBHOOKS_ALLOW_PRIVATE_TARGETS = false;
    expect(await attempt(id)).toBe('failed');
    expect((await detail(id)).json().lastError).toContain(
      'private or loopback',
    );
    expect(receiver.received.some((r) => r.path === '/ok/rebind')).toBe(false);
  });

  it('refuses a host name that resolves to a private address at delivery time (DNS rebinding)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/endpoints',
      headers: bearer(admin),
      payload: {
        url: receiver.url('/ok/rebind-dns').replace('127.0.0.1', 'localhost'),
        events: ['case.opened'],
      },
    });
    expect(response.statusCode).toBe(201);
    const id = await publishTo(response.json().id, { caseId: 'dns' });
    config.WEBHOOKS_ALLOW_PRIVATE_TARGETS = false;
    expect(await attempt(id)).toBe('failed');
    expect((await detail(id)).json().lastError).toMatch(
      /^refused: localhost points at a private or loopback address/,
    );
    expect(receiver.received.some((r) => r.path === '/ok/rebind-dns')).toBe(
      false,
    );
  });

  it('edits events without re-checking an unchanged URL, but checks a new one', async () => {
    const endpoint = await register('/ok/edit', ['case.opened']);
    config.WEBHOOKS_ALLOW_PRIVATE_TARGETS = false;
    const patch = (payload: object) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/webhooks/endpoints/${endpoint.id}`,
        headers: bearer(admin),
        payload,
      });
    const events = await patch({
      url: receiver.url('/ok/edit'),
      events: ['case.opened', 'reward.claimed'],
    });
    expect(events.statusCode).toBe(200);
    expect(events.json().events).toEqual(['case.opened', 'reward.claimed']);
    const moved = await patch({ url: 'http://192.168.0.10/hook' });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().errors.url).toContain('private or loopback');
    const audit = await app
      .get(DataSource)
      .query<
        { action: string }[]
      >(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at`, [endpoint.id]);
    expect(audit.map((a) => a.action)).toEqual([
      'webhook_endpoint.created',
      'webhook_endpoint.updated',
    ]);
  });

  it('purges events past the retention with their log, keeping ones still being delivered', async () => {
    // An event no other endpoint of this suite subscribes to, so this endpoint alone decides.
    const endpoint = await register('/ok/purge', ['referral.qualified']);
    const done = await publishTo(endpoint.id, { n: 1 }, 'referral.qualified');
    await attempt(done);
    const waiting = await publishTo(
      endpoint.id,
      { n: 2 },
      'referral.qualified',
    );
    const db = app.get(DataSource);
    await db.query(
      `UPDATE webhook_events SET created_at = now() - interval '91 days'
        WHERE id IN (SELECT event_id FROM webhook_deliveries WHERE id = ANY($1::uuid[]))`,
      [[done, waiting]],
    );
    expect(
      await app.get(WebhookDispatcherService).purgeExpired(),
    ).toBeGreaterThanOrEqual(1);
    const left = await db.query<{ id: string }[]>(
      'SELECT id FROM webhook_deliveries WHERE id = ANY($1::uuid[])',
      [[done, waiting]],
    );
    expect(left.map((row) => row.id)).toEqual([waiting]);
  });

  it('answers 404 for unknown endpoints and deliveries, 400 for bad ids', async () => {
    const missing = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/deliveries/00000000-0000-4000-8000-000000000000/replay',
      headers: bearer(admin),
    });
    expect(missing.statusCode).toBe(404);
    const badId = await app.inject({
      method: 'GET',
      url: '/api/v1/webhooks/endpoints/not-a-uuid',
      headers: bearer(admin),
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors.id).toBe('must be a UUID');
  });

  it('delivers through the queue after commit, retrying with backoff until the receiver answers 2xx', async () => {
    const endpoint = await register('/flaky/worker', ['case.opened']);
    const worker = app.get(WebhooksProcessor).worker;
    void worker.run();
    try {
      await app
        .get(DataSource)
        .transaction((m) =>
          app
            .get(WebhookOutboxService)
            .publish(m, 'case.opened', { caseId: 'queued' }),
        );
      const db = app.get(DataSource);
      let state = '';
      for (let i = 0; i < 100 && state !== 'succeeded'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const [row] = await db.query<{ state: string }[]>(
          'SELECT state FROM webhook_deliveries WHERE endpoint_id = $1',
          [endpoint.id],
        );
        state = row?.state ?? '';
      }
      expect(state).toBe('succeeded');
      const hits = receiver.received.filter(
        (r) => r.path === '/flaky/worker' && r.body.includes('"queued"'),
      );
      expect(hits).toHaveLength(2);
    } finally {
      await worker.close();
    }
  });
});
