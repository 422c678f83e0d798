import { ProgrammeRequest } from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, TestUser } from '../../../../../test/test-app';

export const uniqueSlug = (prefix = 'prog') =>
  `${prefix}-${randomUUID().slice(0, 8)}`;

export function programmeBody(
  overrides: Partial<ProgrammeRequest> = {},
): ProgrammeRequest {
  return {
    name: 'Give $10, get $10',
    slug: uniqueSlug(),
    landingUrl: 'https://shop.example.com/welcome',
    referrerReward: { type: 'store_credit', amount: 1000, currency: 'USD' },
    friendReward: { type: 'store_credit', amount: 1000, currency: 'USD' },
    ...overrides,
  };
}

/** Creates and activates a programme through the API, as a manager would. */
export async function activeProgramme(
  app: NestFastifyApplication,
  manager: TestUser,
  overrides: Partial<ProgrammeRequest> = {},
): Promise<string> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/referral-programmes',
    headers: bearer(manager),
    payload: programmeBody(overrides),
  });
  if (created.statusCode !== 201)
    throw new Error(`Create failed: ${created.statusCode} ${created.body}`);
  const id = created.json<{ id: string }>().id;
  await app.inject({
    method: 'POST',
    url: `/api/v1/referral-programmes/${id}/activate`,
    headers: bearer(manager),
  });
  return id;
}

/** Puts the customer in a segment, as the recompute would. */
export async function setSegment(
  db: DataSource,
  customerId: string,
  segmentKey: string,
  npsCategory: 'promoter' | 'passive' | 'detractor' | 'unknown',
): Promise<void> {
  await db.query(
    `INSERT INTO customer_segments (customer_id, segment_key, nps_category, last_score, advocacy_level, loyalty, churn_risk, computed_at)
     VALUES ($1, $2, $3, 9, 'passive', 'attitudinal', false, now())
     ON CONFLICT (customer_id) DO UPDATE SET segment_key = $2, nps_category = $3`,
    [customerId, segmentKey, npsCategory],
  );
}
