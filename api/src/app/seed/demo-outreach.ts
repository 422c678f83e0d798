import { OutreachPurpose, TemplateAudience } from '@advocacy/shared';
import { DataSource } from 'typeorm';
import { TOKEN_SQL } from '../outreach/outreach-links';
import { refreshCounts } from '../outreach/outreach-sends.service';

const DEMO_PROGRAMME_SLUG = 'give-10-get-10';
/** Fixed, so running the seed again finds the demo send instead of adding another. */
export const DEMO_SEND_ID = '0d3e1a52-6f1c-4c1e-9a3b-5e0d7c2b9f41';
const DEMO_SEND_DAYS_AGO = 10;

export const DEMO_TEMPLATES: {
  name: string;
  purpose: OutreachPurpose;
  audience: TemplateAudience;
  subject: string;
  body: string;
}[] = [
  {
    name: 'Give $10, get $10 invitation',
    purpose: 'referral_invitation',
    audience: 'promoter',
    subject: '{{firstName}}, give your friends $10 (and get $10 too)',
    body: 'Hi {{firstName}},\n\nThank you for being one of our biggest fans. Share your personal link and every friend who joins gets $10 off their first order. You get $10 in store credit for each of them.\n\n{{referralLink}}\n\nHappy sharing,\nThe team',
  },
  {
    name: 'Ambassador invitation',
    purpose: 'ambassador_invitation',
    audience: 'promoter',
    subject: '{{firstName}}, join our ambassador programme?',
    body: 'Hi {{firstName}},\n\nYou have told us how much you like what we do. Our ambassadors get early access, perks and a direct line to our product team.\n\nTell us a little about yourself: {{surveyLink}}\n\nThe team',
  },
  {
    name: 'Testimonial request',
    purpose: 'testimonial_request',
    audience: 'promoter',
    subject: 'Would you share your experience, {{firstName}}?',
    body: 'Hi {{firstName}},\n\nA few words from you help others decide whether we are right for them. It takes two minutes:\n\n{{surveyLink}}\n\nThank you!\nThe team',
  },
  {
    name: 'What would make it a 10?',
    purpose: 'feedback_request',
    audience: 'passive',
    subject: 'What would make it a 10, {{firstName}}?',
    body: 'Hi {{firstName}},\n\nThanks for your recent score. We would love to know the one thing that would make us a 10 for you.\n\n{{surveyLink}}\n\nEvery answer is read by a person.\nThe team',
  },
  {
    name: 'Apology and personal follow-up',
    purpose: 'apology_follow_up',
    audience: 'detractor',
    subject: 'We are sorry, {{firstName}}',
    body: 'Hi {{firstName}},\n\nWe are sorry we let you down. Someone from our customer care team will contact you personally within two working days to put things right.\n\nIf you would like to tell us more before then: {{surveyLink}}\n\nThe team',
  },
  {
    name: 'Public review request (everyone)',
    purpose: 'public_review_request',
    audience: 'all',
    subject: 'How did we do, {{firstName}}?',
    body: 'Hi {{firstName}},\n\nWe ask every customer for an honest public review, whatever their experience. It helps other shoppers and helps us improve.\n\n{{surveyLink}}\n\nThank you,\nThe team',
  },
];

/**
 * One template per segment and purpose, and one finished send to promoters written as history
 * (nobody is emailed at seed time), so the outreach pages have something to show.
 */
export async function seedDemoOutreach(
  db: DataSource,
  now: Date,
): Promise<void> {
  for (const template of DEMO_TEMPLATES)
    await db.query(
      `INSERT INTO outreach_templates (name, purpose, audience, subject, body)
       SELECT $1, $2, $3, $4, $5
        WHERE NOT EXISTS (SELECT 1 FROM outreach_templates WHERE name = $1 AND purpose = $2)`,
      [
        template.name,
        template.purpose,
        template.audience,
        template.subject,
        template.body,
      ],
    );
  const [context]: { template_id: string; programme_id: string | null }[] =
    await db.query(
      `SELECT t.id AS template_id, (SELECT id FROM referral_programmes WHERE slug = $2) AS programme_id
       FROM outreach_templates t WHERE t.name = $1 AND t.purpose = 'referral_invitation'`,
      [DEMO_TEMPLATES[0].name, DEMO_PROGRAMME_SLUG],
    );
  if (!context?.programme_id) return;
  const sentAt = new Date(now.getTime() - DEMO_SEND_DAYS_AGO * 86_400_000);
  const created: { id: string }[] = await db.query(
    `INSERT INTO outreach_sends (id, template_id, template_name, purpose, subject, body, audience, programme_id,
        status, scheduled_at, started_at, completed_at, created_at)
     VALUES ($1, $2, $3, 'referral_invitation', $4, $5, $6, $7, 'completed', $8, $8, $8::timestamptz + interval '4 minutes', $8)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      DEMO_SEND_ID,
      context.template_id,
      DEMO_TEMPLATES[0].name,
      DEMO_TEMPLATES[0].subject,
      DEMO_TEMPLATES[0].body,
      JSON.stringify({
        npsCategories: ['promoter'],
        segmentKeys: [],
        customerIds: [],
      }),
      context.programme_id,
      sentAt,
    ],
  );
  if (created.length === 0) return;
  // A stable hash of each customer decides their demo outcome, so a re-seed of a fresh database looks the same.
  await db.query(
    `WITH audience AS (
       SELECT c.id, c.email, c.consent_email, c.consent_marketing, cs.segment_key,
              ('x' || substr(md5(c.id::text), 1, 8))::bit(32)::int AS h
         FROM customers c JOIN customer_segments cs ON cs.customer_id = c.id
        WHERE cs.nps_category = 'promoter')
     INSERT INTO outreach_messages (send_id, customer_id, email, nps_category, segment_key, status, reason, token,
        referral_code, attempts, claimed_at, sent_at, created_at, updated_at)
     SELECT $1, a.id, a.email, 'promoter', a.segment_key, o.status, o.reason, ${TOKEN_SQL},
            CASE WHEN o.status = 'sent' THEN (SELECT code FROM referral_codes rc
                   WHERE rc.customer_id = a.id AND rc.programme_id = $3 AND rc.disabled_at IS NULL
                   ORDER BY rc.is_vanity DESC LIMIT 1) END,
            CASE WHEN o.status IN ('sent', 'failed') THEN 1 ELSE 0 END,
            CASE WHEN o.status IN ('sent', 'failed') THEN $2::timestamptz END,
            CASE WHEN o.status = 'sent' THEN $2::timestamptz + interval '2 minutes' END,
            $2, $2
       FROM audience a
       CROSS JOIN LATERAL (SELECT
         CASE WHEN NOT a.consent_email THEN 'skipped' WHEN NOT a.consent_marketing THEN 'skipped'
              WHEN abs(a.h) % 29 = 0 THEN 'failed' ELSE 'sent' END AS status,
         CASE WHEN NOT a.consent_email THEN 'no_consent' WHEN NOT a.consent_marketing THEN 'no_marketing_consent'
              WHEN abs(a.h) % 29 = 0 THEN '550 5.1.1 Mailbox unavailable' END AS reason) o
     ON CONFLICT (send_id, customer_id) DO NOTHING`,
    [DEMO_SEND_ID, sentAt, context.programme_id],
  );
  // Roughly a third of recipients clicked, some twice, over the days after the send.
  await db.query(
    `INSERT INTO outreach_clicks (message_id, send_id, clicked_at)
     SELECT m.id, m.send_id, $2::timestamptz + make_interval(hours => 1 + (abs(h) % 96) + n * 20)
       FROM (SELECT id, send_id, ('x' || substr(md5(id::text), 1, 8))::bit(32)::int AS h
               FROM outreach_messages WHERE send_id = $1 AND status = 'sent') m
       CROSS JOIN LATERAL generate_series(0, CASE WHEN abs(m.h) % 5 = 0 THEN 1 ELSE 0 END) AS n
      WHERE abs(m.h) % 3 = 0`,
    [DEMO_SEND_ID, sentAt],
  );
  await refreshCounts(db, DEMO_SEND_ID);
}
