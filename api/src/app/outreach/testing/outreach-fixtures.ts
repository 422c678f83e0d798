import { OutreachTemplateInput } from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, TestUser } from '../../../../test/test-app';
import { setSegment } from '../../referrals/programmes/testing/programme-fixtures';

export interface CustomerOptions {
  name?: string;
  email?: string;
  category?: 'promoter' | 'passive' | 'detractor';
  segmentKey?: string;
  consentEmail?: boolean;
  consentMarketing?: boolean;
}

/** A customer with consent and a segment, as imports and the recompute would leave them. */
export async function createCustomer(
  db: DataSource,
  options: CustomerOptions = {},
): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO customers (email, name, consent_email, consent_marketing) VALUES ($1, $2, $3, $4) RETURNING id`,
    [
      options.email ?? `c-${randomUUID()}@test.example`,
      options.name ?? 'Casey Jones',
      options.consentEmail ?? true,
      options.consentMarketing ?? true,
    ],
  );
  const category = options.category ?? 'promoter';
  await setSegment(
    db,
    rows[0].id,
    options.segmentKey ?? `${category}s`,
    category,
  );
  return rows[0].id;
}

export function templateBody(
  overrides: Partial<OutreachTemplateInput> = {},
): OutreachTemplateInput {
  return {
    name: 'Invite friends',
    purpose: 'referral_invitation',
    audience: 'promoter',
    subject: 'A gift for your friends, {{firstName}}',
    body: 'Hi {{firstName}},\n\nShare this link: {{referralLink}}\n\nThanks!',
    ...overrides,
  };
}

export async function createTemplate(
  app: NestFastifyApplication,
  user: TestUser,
  overrides: Partial<OutreachTemplateInput> = {},
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/outreach/templates',
    headers: bearer(user),
    payload: templateBody(overrides),
  });
  if (response.statusCode !== 201)
    throw new Error(`Template: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}
