import { DEFAULT_SEGMENT_RULES } from '@advocacy/shared';
import { DataSource } from 'typeorm';

const DEMO_PROGRAMME_SLUG = 'give-10-get-10';
const ADVOCATE_EMAIL = 'advocate@demo.test';

/**
 * Two months of share-link clicks and referred friends for the demo programme, so the
 * referral pages open with content. Set-based and deterministic (hashes of ids stand in
 * for randomness); skipped when the programme already has referrals.
 */
export async function seedDemoReferralActivity(
  db: DataSource,
  now: Date,
): Promise<void> {
  const [programme]: { id: string }[] = await db.query(
    'SELECT id FROM referral_programmes WHERE slug = $1',
    [DEMO_PROGRAMME_SLUG],
  );
  if (!programme) return;
  const [{ count }]: { count: number }[] = await db.query(
    'SELECT count(*)::int AS count FROM referrals WHERE programme_id = $1',
    [programme.id],
  );
  if (count > 0) return;
  const names = Object.fromEntries(
    DEFAULT_SEGMENT_RULES.segments.map((segment) => [
      segment.key,
      segment.name,
    ]),
  );
  await db.transaction(async (manager) => {
    // Promoters share: each gets a code stamped with their segment as it is now.
    await manager.query(
      `INSERT INTO referral_codes (code, programme_id, customer_id, is_vanity, segment_snapshot, segment_key)
       SELECT 'demo' || substr(md5(cs.customer_id::text), 1, 8), $1, cs.customer_id, false,
              jsonb_build_object('segmentKey', cs.segment_key, 'segmentName', coalesce($2::jsonb ->> cs.segment_key, cs.segment_key),
                'npsCategory', cs.nps_category, 'lastScore', cs.last_score, 'advocacyLevel', cs.advocacy_level,
                'loyalty', cs.loyalty, 'churnRisk', cs.churn_risk, 'computedAt', cs.computed_at),
              cs.segment_key
         FROM customer_segments cs
        WHERE cs.nps_category IN ('promoter', 'passive')
        ORDER BY md5(cs.customer_id::text) LIMIT 40
       ON CONFLICT DO NOTHING`,
      [programme.id, JSON.stringify(names)],
    );
    await manager.query(
      `INSERT INTO referral_clicks (click_id, code_id, programme_id, at, ip_hash, user_agent, referrer, is_bot, is_unique)
       SELECT gen_random_uuid(), c.id, c.programme_id,
              $2::timestamptz - make_interval(mins => (abs(hashtext(c.id::text || n)) % (60 * 24 * 60))::int),
              substr(md5(c.id::text || (n % 7)), 1, 22),
              CASE WHEN n % 20 = 0 THEN 'Googlebot/2.1 (+http://www.google.com/bot.html)'
                   ELSE 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148' END,
              CASE WHEN n % 3 = 0 THEN 'https://www.instagram.com/' WHEN n % 3 = 1 THEN 'https://wa.me/' END,
              n % 20 = 0, n % 7 = n % 20 OR n < 7
         FROM referral_codes c
         CROSS JOIN LATERAL generate_series(1, 5 + abs(hashtext(c.id::text)) % 45) AS n
        WHERE c.programme_id = $1`,
      [programme.id, now.toISOString()],
    );
    await manager.query(
      `INSERT INTO referral_click_daily (code_id, day, programme_id, clicks, unique_clicks, bot_clicks)
       SELECT code_id, (at AT TIME ZONE 'UTC')::date, programme_id, count(*),
              count(*) FILTER (WHERE is_unique AND NOT is_bot), count(*) FILTER (WHERE is_bot)
         FROM referral_clicks WHERE programme_id = $1 GROUP BY 1, 2, 3
       ON CONFLICT (code_id, day) DO UPDATE SET clicks = EXCLUDED.clicks,
         unique_clicks = EXCLUDED.unique_clicks, bot_clicks = EXCLUDED.bot_clicks`,
      [programme.id],
    );
    // Friends: customers who share no code, paired with referrers; the demo advocate gets the first few.
    await manager.query(
      `WITH referrers AS (
         SELECT c.id AS code_id, c.customer_id, c.segment_snapshot, c.segment_key,
                row_number() OVER (ORDER BY coalesce(u.email = $3, false) DESC, md5(c.id::text)) - 1 AS slot
           FROM referral_codes c LEFT JOIN users u ON u.customer_id = c.customer_id
          WHERE c.programme_id = $1 AND NOT c.is_vanity
       ), friends AS (
         SELECT f.id, row_number() OVER (ORDER BY md5(f.id::text || 'friend')) - 1 AS n
           FROM customers f
          WHERE NOT EXISTS (SELECT 1 FROM referral_codes c WHERE c.customer_id = f.id)
            AND NOT EXISTS (SELECT 1 FROM users u WHERE u.customer_id = f.id)
          LIMIT 70
       ), paired AS (
         SELECT f.id AS friend_id, f.n, r.*,
                CASE WHEN f.n % 20 < 12 THEN 'qualified' WHEN f.n % 20 < 15 THEN 'pending'
                     WHEN f.n % 20 < 17 THEN 'rejected' WHEN f.n % 20 < 19 THEN 'in_review' ELSE 'reversed' END AS status
           FROM friends f JOIN referrers r ON r.slot = CASE WHEN f.n < 5 THEN 0 ELSE f.n % (SELECT count(*) FROM referrers) END
       )
       INSERT INTO referrals (programme_id, code_id, referrer_customer_id, friend_customer_id, status, reason_code,
              reason_text, segment_snapshot, segment_key, attribution_source, purchase_amount_minor, currency,
              order_id, attributed_at, qualified_at, reversed_at, created_at)
       SELECT $1, code_id, customer_id, friend_id, status,
              CASE status WHEN 'rejected' THEN 'existing_customer' WHEN 'in_review' THEN 'ip_and_agent'
                          WHEN 'reversed' THEN 'refunded' END,
              CASE status WHEN 'rejected' THEN $4 WHEN 'in_review' THEN $5 WHEN 'reversed' THEN $6 END,
              segment_snapshot, segment_key, CASE WHEN n % 3 = 0 THEN 'code' ELSE 'click' END,
              CASE WHEN status = 'pending' THEN NULL ELSE 2500 + (abs(hashtext(friend_id::text)) % 12000) END,
              'USD', CASE WHEN status = 'pending' THEN NULL ELSE 'demo-order-' || n END,
              $2::timestamptz - make_interval(days => (1 + n % 58)::int),
              CASE WHEN status IN ('qualified', 'reversed') THEN $2::timestamptz - make_interval(days => (n % 58)::int) END,
              CASE WHEN status = 'reversed' THEN $2::timestamptz - make_interval(days => ((n % 58) / 2)::int) END,
              $2::timestamptz - make_interval(days => (1 + n % 58)::int)
         FROM paired`,
      [
        programme.id,
        now.toISOString(),
        ADVOCATE_EMAIL,
        'Your friend was already a customer.',
        'We are checking this referral because it looks like another one from the same device.',
        "Your friend's order was refunded.",
      ],
    );
  });
}
