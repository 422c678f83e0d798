import { DEFAULT_FRAUD_RULES } from '@advocacy/shared';
import { DataSource } from 'typeorm';
import { generateCode } from '../referrals/codes/code-generator';
import { SegmentSnapshotService } from '../segments/segment-snapshot.service';

const ADVOCATE_EMAIL = 'advocate@demo.test';
const DEMO_PROGRAMME_SLUG = 'give-10-get-10';
const CREDIT = { type: 'store_credit', amount: 1000, currency: 'USD' };

/** The active "Give $10, get $10" programme and the demo advocate's code in it; both upserts. */
export async function seedDemoReferrals(db: DataSource): Promise<void> {
  await db.query(
    `INSERT INTO referral_programmes (name, slug, status, landing_url, attribution_window_days, attribution_model,
        referrer_reward, friend_reward, min_purchase_minor, currency, hold_days, fraud_rules)
     VALUES ('Give $10, get $10', $1, 'active', 'https://shop.example.com/welcome', 30, 'last_click',
        $2, $2, 0, 'USD', 30, $3)
     ON CONFLICT (slug) DO NOTHING`,
    [
      DEMO_PROGRAMME_SLUG,
      JSON.stringify(CREDIT),
      JSON.stringify(DEFAULT_FRAUD_RULES),
    ],
  );
  const [row]: { programme_id: string; customer_id: string | null }[] =
    await db.query(
      `SELECT p.id AS programme_id, u.customer_id FROM referral_programmes p, users u
        WHERE p.slug = $1 AND u.email = $2`,
      [DEMO_PROGRAMME_SLUG, ADVOCATE_EMAIL],
    );
  if (!row?.customer_id) return;
  const snapshot = await new SegmentSnapshotService(db).snapshotFor(
    row.customer_id,
  );
  // A clash on the advocate's default code means it is already there.
  await db.query(
    `INSERT INTO referral_codes (code, programme_id, customer_id, is_vanity, segment_snapshot, segment_key)
     VALUES ($1, $2, $3, false, $4, $5) ON CONFLICT DO NOTHING`,
    [
      generateCode(),
      row.programme_id,
      row.customer_id,
      JSON.stringify(snapshot),
      snapshot.segmentKey,
    ],
  );
}
