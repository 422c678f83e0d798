import { EntityManager } from 'typeorm';
import { EventCustomerDto } from './dto/conversion-event.dto';

export interface EventCustomerRow {
  id: string;
  email: string;
  purchaseCount: number;
  createdAt: Date;
  /** True when this event made the customer. */
  created: boolean;
}

interface Row {
  id: string;
  email: string;
  purchase_count: number;
  created_at: Date;
}

/** Finds (by external id, then email) or creates the event's customer, locked until the transaction ends. */
export async function upsertEventCustomer(
  manager: EntityManager,
  customer: EventCustomerDto,
): Promise<EventCustomerRow> {
  const email = customer.email.trim().toLowerCase();
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO customers (email, name, external_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
    [
      email,
      customer.name?.trim() || email.split('@')[0],
      customer.externalId ?? null,
    ],
  );
  const [row]: Row[] = await manager.query(
    `SELECT id, email, purchase_count, created_at FROM customers
      WHERE ($2::text IS NOT NULL AND external_id = $2) OR email = $1
      ORDER BY (external_id IS NOT DISTINCT FROM $2) DESC LIMIT 1 FOR UPDATE`,
    [email, customer.externalId ?? null],
  );
  return {
    id: row.id,
    email: row.email,
    purchaseCount: row.purchase_count,
    createdAt: row.created_at,
    created: inserted.length > 0,
  };
}
