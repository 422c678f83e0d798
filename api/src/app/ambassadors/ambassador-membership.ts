import { EntityManager } from 'typeorm';

/** Approved and not revoked: only current ambassadors see and take perks and training. */
export async function isCurrentAmbassador(
  manager: EntityManager,
  programmeId: string,
  customerId: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM ambassador_applications
      WHERE programme_id = $1 AND customer_id = $2 AND state = 'approved' AND revoked_at IS NULL`,
    [programmeId, customerId],
  );
  return rows.length > 0;
}
