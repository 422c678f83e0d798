import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export const DAY_MS = 24 * 3600 * 1000;

export const daysBefore = (now: Date, days: number) =>
  new Date(now.getTime() - days * DAY_MS);

export interface CustomerFixture {
  purchaseCount?: number;
  lastPurchaseAt?: Date | null;
  lastAdvocacyAt?: Date | null;
  ambassadorSince?: Date | null;
  name?: string;
}

/** A customer with a unique email, written straight to the table. */
export async function insertCustomer(
  db: DataSource,
  fixture: CustomerFixture = {},
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO customers (id, email, name, purchase_count, last_purchase_at, last_advocacy_at, ambassador_since)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      id,
      `c-${id}@test.example`,
      fixture.name ?? `Customer ${id.slice(0, 6)}`,
      fixture.purchaseCount ?? 1,
      fixture.lastPurchaseAt ?? null,
      fixture.lastAdvocacyAt ?? null,
      fixture.ambassadorSince ?? null,
    ],
  );
  return id;
}

export async function insertSurvey(
  db: DataSource,
  kind: 'nps' | 'csat',
): Promise<string> {
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO surveys (kind, name, question) VALUES ($1, $2, 'How likely…?') RETURNING id`,
    [kind, `Test ${kind} ${randomUUID().slice(0, 6)}`],
  );
  return id;
}

export async function insertResponse(
  db: DataSource,
  response: {
    surveyId: string;
    customerId: string;
    kind?: 'nps' | 'csat';
    score: number;
    at: Date;
    comment?: string | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO survey_responses (survey_id, customer_id, kind, score, comment, channel, responded_at)
     VALUES ($1, $2, $3, $4, $5, 'api', $6)`,
    [
      response.surveyId,
      response.customerId,
      response.kind ?? 'nps',
      response.score,
      response.comment ?? null,
      response.at,
    ],
  );
}
