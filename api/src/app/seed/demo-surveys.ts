import { DataSource } from 'typeorm';
import { mulberry32 } from './demo-people';

const MONTHS = 12;
const DAY_MS = 86_400_000;

const COMMENTS = {
  promoter: [
    'Fast delivery and lovely packaging.',
    'Customer service sorted my problem in minutes.',
    'Great quality, I have already told my friends.',
    'Always reliable, never had a bad order.',
  ],
  passive: [
    'Good products, but shipping could be quicker.',
    'Fine overall; prices crept up a bit.',
    'The app is a little clunky.',
    'Nice range, would like more sizes.',
  ],
  detractor: [
    'My order arrived late and nobody told me why.',
    'Returns were a hassle.',
    'Item broke after two weeks.',
    'Waited days for a reply from support.',
  ],
};

interface SurveySeed {
  kind: 'nps' | 'csat';
  name: string;
  question: string;
  followUpPromoter: string | null;
  followUpPassive: string | null;
  followUpDetractor: string | null;
}

const SURVEYS: SurveySeed[] = [
  {
    kind: 'nps',
    name: 'Relationship NPS',
    question: 'How likely are you to recommend us to a friend or colleague?',
    followUpPromoter: 'What do you love most about us?',
    followUpPassive: 'What would make it a 10?',
    followUpDetractor: 'What went wrong, and how can we make it right?',
  },
  {
    kind: 'csat',
    name: 'Order satisfaction',
    question: 'How satisfied were you with your last order?',
    followUpPromoter: null,
    followUpPassive: 'Anything we could do better?',
    followUpDetractor: null,
  },
];

interface Row {
  externalId: string;
  surveyId: string;
  customerId: string;
  kind: 'nps' | 'csat';
  score: number;
  comment: string | null;
  respondedAt: Date;
}

/** Two surveys and a year of answers whose NPS climbs from about 15 to 35; reruns add nothing. */
export async function seedDemoSurveys(
  db: DataSource,
  now: Date,
): Promise<void> {
  const ids: Record<'nps' | 'csat', string> = { nps: '', csat: '' };
  for (const survey of SURVEYS) {
    const [found] = await db.query<{ id: string }[]>(
      'SELECT id FROM surveys WHERE name = $1',
      [survey.name],
    );
    const id =
      found?.id ??
      (
        await db.query<{ id: string }[]>(
          `INSERT INTO surveys (kind, name, question, follow_up_promoter, follow_up_passive, follow_up_detractor)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [
            survey.kind,
            survey.name,
            survey.question,
            survey.followUpPromoter,
            survey.followUpPassive,
            survey.followUpDetractor,
          ],
        )
      )[0].id;
    ids[survey.kind] = id;
  }
  const customers = await db.query<{ id: string; external_id: string }[]>(
    "SELECT id, external_id FROM customers WHERE external_id LIKE 'crm-1%' ORDER BY external_id",
  );
  const rows = demoResponses(customers, ids, now);
  await db.query(
    `INSERT INTO survey_responses (external_id, survey_id, customer_id, kind, score, comment, channel, responded_at)
     SELECT external_id, survey_id, customer_id, kind, score, comment, 'import', responded_at
       FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::smallint[], $6::text[], $7::timestamptz[])
         AS t(external_id, survey_id, customer_id, kind, score, comment, responded_at)
     ON CONFLICT DO NOTHING`,
    [
      rows.map((r) => r.externalId),
      rows.map((r) => r.surveyId),
      rows.map((r) => r.customerId),
      rows.map((r) => r.kind),
      rows.map((r) => r.score),
      rows.map((r) => r.comment),
      rows.map((r) => r.respondedAt.toISOString()),
    ],
  );
}

function demoResponses(
  customers: { id: string; external_id: string }[],
  ids: Record<'nps' | 'csat', string>,
  now: Date,
): Row[] {
  const random = mulberry32(4242);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const rows: Row[] = [];
  for (let month = 0; month < MONTHS; month++) {
    const nps = 15 + (20 * month) / (MONTHS - 1);
    const promoterShare = (0.7 + nps / 100) / 2;
    const detractorShare = (0.7 - nps / 100) / 2;
    const monthStart = now.getTime() - (MONTHS - month) * 30 * DAY_MS;
    for (const customer of customers) {
      if (random() < 0.2) {
        const roll = random();
        const category =
          roll < promoterShare
            ? 'promoter'
            : roll < promoterShare + detractorShare
              ? 'detractor'
              : 'passive';
        const score =
          category === 'promoter'
            ? 9 + Math.floor(random() * 2)
            : category === 'passive'
              ? 7 + Math.floor(random() * 2)
              : Math.floor(6.99 - random() ** 2 * 7);
        rows.push({
          externalId: `seed-nps-${customer.external_id}-${month}`,
          surveyId: ids.nps,
          customerId: customer.id,
          kind: 'nps',
          score,
          comment: random() < 0.4 ? pick(COMMENTS[category]) : null,
          respondedAt: new Date(
            monthStart + Math.floor(random() * 30 * DAY_MS),
          ),
        });
      }
      if (month >= MONTHS - 3 && random() < 0.1) {
        const roll = random();
        rows.push({
          externalId: `seed-csat-${customer.external_id}-${month}`,
          surveyId: ids.csat,
          customerId: customer.id,
          kind: 'csat',
          score:
            roll < 0.45
              ? 5
              : roll < 0.78
                ? 4
                : roll < 0.9
                  ? 3
                  : roll < 0.96
                    ? 2
                    : 1,
          comment: null,
          respondedAt: new Date(
            monthStart + Math.floor(random() * 30 * DAY_MS),
          ),
        });
      }
    }
  }
  return rows;
}
