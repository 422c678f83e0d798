import {
  AmbassadorProgrammeRequest,
  AmbassadorProgrammeSummary,
  DEFAULT_DECISION_TEMPLATES,
  FormField,
} from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, TestUser } from '../../../../test/test-app';

export const FIELDS: FormField[] = [
  {
    key: 'why',
    type: 'long_text',
    label: 'Why do you love us?',
    required: true,
  },
  {
    key: 'handle',
    type: 'social_handle',
    label: 'Instagram',
    required: false,
    platform: 'instagram',
  },
  {
    key: 'channels',
    type: 'multi_choice',
    label: 'Where do you post?',
    required: true,
    options: ['Instagram', 'TikTok', 'Blog'],
  },
  {
    key: 'size',
    type: 'single_choice',
    label: 'Audience',
    required: false,
    options: ['<1k', '1k-10k', '10k+'],
  },
  { key: 'site', type: 'url', label: 'Website', required: false },
  {
    key: 'followers',
    type: 'number',
    label: 'Followers',
    required: false,
    min: 0,
    max: 100000000,
  },
  {
    key: 'consent',
    type: 'consent',
    label: 'I agree to the terms',
    required: true,
  },
];

export const GOOD_ANSWERS = {
  why: 'Great coffee and kind people.',
  channels: ['Instagram'],
  consent: true,
};

export function programmeRequest(
  overrides: Partial<AmbassadorProgrammeRequest> = {},
): AmbassadorProgrammeRequest {
  return {
    name: `Insiders ${randomUUID().slice(0, 6)}`,
    slug: `insiders-${randomUUID().slice(0, 8)}`,
    description: 'Our inner circle.',
    status: 'draft',
    capacity: null,
    waitlistOrder: 'first_come',
    eligibility: {
      segments: [],
      npsCategories: [],
      minQualifiedReferrals: 0,
      minNps: null,
      minCustomerDays: 0,
    },
    autoApprove: { enabled: false, minScore: 150 },
    reapplyCooldownDays: 30,
    decisionTemplates: { ...DEFAULT_DECISION_TEMPLATES },
    ...overrides,
  };
}

/** Creates a programme with the standard form and opens it. */
export async function openProgramme(
  app: NestFastifyApplication,
  manager: TestUser,
  overrides: Partial<AmbassadorProgrammeRequest> = {},
  fields: FormField[] = FIELDS,
): Promise<AmbassadorProgrammeSummary> {
  const body = programmeRequest(overrides);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/ambassador-programmes',
    headers: bearer(manager),
    payload: { ...body, status: 'draft' },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const id = created.json<AmbassadorProgrammeSummary>().id;
  const form = await app.inject({
    method: 'PUT',
    url: `/api/v1/ambassador-programmes/${id}/form`,
    headers: bearer(manager),
    payload: { fields },
  });
  if (form.statusCode !== 200) throw new Error(form.body);
  const opened = await app.inject({
    method: 'PUT',
    url: `/api/v1/ambassador-programmes/${id}`,
    headers: bearer(manager),
    payload: { ...body, status: overrides.status ?? 'open' },
  });
  if (opened.statusCode !== 200) throw new Error(opened.body);
  return opened.json<AmbassadorProgrammeSummary>();
}

/** Puts a customer in a segment with a latest NPS score, as a recompute would. */
export async function setSegment(
  db: DataSource,
  customerId: string,
  segmentKey: string,
  score: number | null,
): Promise<void> {
  const category =
    score === null
      ? 'unknown'
      : score >= 9
        ? 'promoter'
        : score >= 7
          ? 'passive'
          : 'detractor';
  await db.query(
    `INSERT INTO customer_segments (customer_id, segment_key, nps_category, last_score, advocacy_level, loyalty, churn_risk, computed_at)
     VALUES ($1, $2, $3, $4, 'passive', 'attitudinal', false, now())
     ON CONFLICT (customer_id) DO UPDATE SET segment_key = $2, nps_category = $3, last_score = $4`,
    [customerId, segmentKey, category, score],
  );
}

/** Qualified referrals made by this customer (friends are fresh customers). */
export async function addQualifiedReferrals(
  db: DataSource,
  customerId: string,
  count: number,
): Promise<void> {
  const [{ id: programmeId }]: { id: string }[] = await db.query(
    `INSERT INTO referral_programmes (name, slug, status, landing_url, referrer_reward, currency)
     VALUES ('Ref', $1, 'active', 'https://brand.example/', '{"type":"points","amount":1,"currency":null}', 'USD') RETURNING id`,
    [`ref-${randomUUID()}`],
  );
  for (let i = 0; i < count; i += 1) {
    const [{ id: friend }]: { id: string }[] = await db.query(
      `INSERT INTO customers (email, name) VALUES ($1, 'Friend') RETURNING id`,
      [`friend-${randomUUID()}@test.example`],
    );
    await db.query(
      `INSERT INTO referrals (programme_id, referrer_customer_id, friend_customer_id, status, segment_snapshot, segment_key, attribution_source, attributed_at, qualified_at)
       VALUES ($1, $2, $3, 'qualified', '{}', 'promoters', 'code', now(), now())`,
      [programmeId, customerId, friend],
    );
  }
}

export interface AmbassadorWorld {
  programmeId: string;
  applicationId: string;
  perkId: string;
  moduleId: string;
}

/** `owner` applies to a fresh programme and is approved; the programme has a perk and a module. */
export async function approvedAmbassador(
  app: NestFastifyApplication,
  owner: TestUser & { customerId: string },
  manager: TestUser,
): Promise<AmbassadorWorld> {
  const programme = await openProgramme(app, manager);
  const applied = await app.inject({
    method: 'POST',
    url: `/api/v1/ambassadors/programmes/${programme.id}/apply`,
    headers: bearer(owner),
    payload: { answers: GOOD_ANSWERS },
  });
  if (applied.statusCode !== 200) throw new Error(applied.body);
  const applicationId: string = applied.json().application.id;
  await app.inject({
    method: 'POST',
    url: `/api/v1/ambassador-applications/${applicationId}/decision`,
    headers: bearer(manager),
    payload: { decision: 'approve' },
  });
  const perk = await app.inject({
    method: 'POST',
    url: `/api/v1/ambassador-programmes/${programme.id}/perks`,
    headers: bearer(manager),
    payload: {
      kind: 'early_access',
      title: 'Preview',
      description: '',
      startsAt: new Date(0).toISOString(),
    },
  });
  const module = await app.inject({
    method: 'POST',
    url: `/api/v1/ambassador-programmes/${programme.id}/training`,
    headers: bearer(manager),
    payload: {
      title: 'Welcome',
      summary: '',
      content: 'Hello',
      estimatedMinutes: 3,
    },
  });
  return {
    programmeId: programme.id,
    applicationId,
    perkId: perk.json().id,
    moduleId: module.json().id,
  };
}

/** A programme `owner` applied to and withdrew from, then closed: only applicants still see it. */
export async function closedProgrammeOf(
  app: NestFastifyApplication,
  owner: TestUser & { customerId: string },
  manager: TestUser,
): Promise<string> {
  const body = programmeRequest();
  const programme = await openProgramme(app, manager, body);
  await app.inject({
    method: 'PUT',
    url: `/api/v1/ambassadors/programmes/${programme.id}/draft`,
    headers: bearer(owner),
    payload: { answers: {} },
  });
  await app.inject({
    method: 'PUT',
    url: `/api/v1/ambassador-programmes/${programme.id}`,
    headers: bearer(manager),
    payload: { ...body, status: 'closed' },
  });
  return programme.id;
}
