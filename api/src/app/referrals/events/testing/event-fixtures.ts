import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InjectOptions } from 'fastify';
import { Response } from 'light-my-request';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, createUser } from '../../../../../test/test-app';
import { Customer } from '../../../customers/entities/customer.entity';
import { ReferralClick } from '../../entities/referral-click.entity';
import { ReferralCode } from '../../entities/referral-code.entity';
import { ReferralProgramme } from '../../entities/referral-programme.entity';
import { EventProcessorService } from '../event-processor.service';
import { EventsService } from '../events.service';
import { signWebhook } from '../webhook-signature';

export const TEST_WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const PROMOTER_SNAPSHOT = {
  segmentKey: 'promoters',
  segmentName: 'Promoters',
  npsCategory: 'promoter' as const,
  lastScore: 10,
  advocacyLevel: 'passive' as const,
  loyalty: 'attitudinal' as const,
  churnRisk: false,
  computedAt: null,
};

export interface Scheme {
  programme: ReferralProgramme;
  code: ReferralCode;
  referrer: Customer;
}

/** An active double-sided programme with one advocate and their code. */
export async function createScheme(
  app: NestFastifyApplication,
  overrides: Partial<ReferralProgramme> = {},
): Promise<Scheme & { advocateToken: string }> {
  const db = app.get(DataSource);
  const advocate = await createUser(app, 'advocate');
  const programme = await db.getRepository(ReferralProgramme).save({
    name: 'Friends',
    slug: `friends-${randomUUID().slice(0, 8)}`,
    status: 'active',
    landingUrl: 'https://shop.example.com/',
    attributionWindowDays: 30,
    minPurchaseMinor: 2000,
    holdDays: 14,
    referrerReward: { type: 'store_credit', amount: 1000, currency: 'USD' },
    friendReward: { type: 'store_credit', amount: 500, currency: 'USD' },
    fraudRules: {
      modes: {
        self_referral: 'enforce',
        same_device: 'enforce',
        ip_and_agent: 'enforce',
        velocity: 'enforce',
        disposable_email: 'enforce',
      },
    },
    ...overrides,
  });
  const code = await db.getRepository(ReferralCode).save({
    code: `ada${randomUUID().slice(0, 8)}`,
    programmeId: programme.id,
    customerId: advocate.customerId,
    segmentKey: 'promoters',
    segmentSnapshot: PROMOTER_SNAPSHOT,
  });
  const referrer = await db
    .getRepository(Customer)
    .findOneByOrFail({ id: advocate.customerId });
  return { programme, code, referrer, advocateToken: advocate.token };
}

export async function insertClick(
  app: NestFastifyApplication,
  code: ReferralCode,
  options: { at?: Date; ipHash?: string; userAgent?: string } = {},
): Promise<string> {
  const clickId = randomUUID();
  await app
    .get(DataSource)
    .getRepository(ReferralClick)
    .insert({
      clickId,
      codeId: code.id,
      programmeId: code.programmeId,
      at: options.at ?? new Date(),
      ipHash: options.ipHash ?? randomUUID(),
      userAgent: options.userAgent ?? 'Mozilla/5.0 test',
      referrer: null,
      isBot: false,
      isUnique: true,
    });
  return clickId;
}

export async function eventsApiKey(
  app: NestFastifyApplication,
): Promise<Record<string, string>> {
  const admin = await createUser(app, 'admin');
  const key = await app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: bearer(admin),
    payload: { name: 'Shop', scopes: ['events:write'] },
  });
  return { 'x-api-key': key.json().key as string };
}

/** Standard Webhooks headers for this exact body. */
export function signedHeaders(
  body: string,
  options: { id?: string; timestamp?: number; secret?: string } = {},
): Record<string, string> {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(
      options.secret ?? TEST_WEBHOOK_SECRET,
      id,
      timestamp,
      body,
    ),
  };
}

export function friendEmail(): string {
  return `friend-${randomUUID().slice(0, 8)}@shopper.example`;
}

export function purchase(
  email: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: `evt_${randomUUID()}`,
    type: 'purchase',
    occurredAt: new Date().toISOString(),
    customer: { email },
    amountMinor: 5000,
    currency: 'USD',
    orderId: `order-${randomUUID().slice(0, 8)}`,
    ...extra,
  };
}

export interface Delivered {
  statusCode: number;
  /** The event's processed state for a 202, else the error body. */
  json: Response['json'];
  receipt: unknown;
}

/**
 * Sends an event as a brand would, then runs the inbox processor (tests run without background
 * workers) and reads the event's outcome, as a brand would from the receipt's status URL.
 */
export async function deliver(
  app: NestFastifyApplication,
  request: InjectOptions,
): Promise<Delivered> {
  const response = await app.inject(request);
  if (response.statusCode !== 202)
    return {
      statusCode: response.statusCode,
      json: response.json.bind(response),
      receipt: null,
    };
  const receipt = response.json<{ eventId: string }>();
  await app.get(EventProcessorService).drain();
  const status = await app.get(EventsService).status(receipt.eventId);
  return {
    statusCode: response.statusCode,
    json: (() => status) as Response['json'],
    receipt,
  };
}
