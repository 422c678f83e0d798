import { DataSource } from 'typeorm';
import { EVENT_LANES } from '../referrals/events/event-inbox.service';

/**
 * The inbox as a shop integration leaves it: the demo friends' first purchases, processed, and one
 * refund that failed every attempt and waits for a manager to retry it. Skipped once any exists.
 */
export async function seedDemoEvents(db: DataSource, now: Date): Promise<void> {
  const [{ count }]: { count: number }[] = await db.query(
    'SELECT count(*)::int AS count FROM referral_events',
  );
  if (count > 0) return;
  await db.query(
    `INSERT INTO referral_events (event_id, type, payload_hash, payload, state, lane, result, attempts, processed_at, created_at)
     SELECT 'evt_demo_' || substr(md5(r.id::text), 1, 12), 'purchase', md5(r.id::text),
            jsonb_build_object('id', 'evt_demo_' || substr(md5(r.id::text), 1, 12), 'type', 'purchase',
              'occurredAt', r.qualified_at, 'customer', jsonb_build_object('email', c.email),
              'amountMinor', r.purchase_amount_minor, 'currency', r.currency, 'orderId', r.order_id),
            'processed', get_byte(decode(md5(c.email), 'hex'), 0) % $1::int,
            jsonb_build_object('eventId', 'evt_demo_' || substr(md5(r.id::text), 1, 12), 'outcome', r.status, 'referralId', r.id),
            1, r.qualified_at, r.qualified_at - interval '2 seconds'
       FROM referrals r JOIN customers c ON c.id = r.friend_customer_id
      WHERE r.qualified_at IS NOT NULL AND r.status IN ('qualified', 'reversed')
      ORDER BY r.qualified_at DESC LIMIT 24`,
    [EVENT_LANES],
  );
  const failedAt = new Date(now.getTime() - 3 * 3_600_000);
  await db.query(
    `INSERT INTO referral_events (event_id, type, payload_hash, payload, state, lane, attempts, last_error, created_at)
     VALUES ('evt_demo_refund_stuck', 'refund', md5('evt_demo_refund_stuck'),
             jsonb_build_object('id', 'evt_demo_refund_stuck', 'type', 'refund', 'occurredAt', $1::timestamptz,
               'customer', jsonb_build_object('email', 'returns@shopper.example'), 'orderId', 'order-demo-1042'),
             'failed', 0, 6, 'Connection terminated unexpectedly', $1::timestamptz)`,
    [failedAt],
  );
}
