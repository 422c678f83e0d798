import { AudienceFilter } from '@advocacy/shared';

/** Conditions and parameters for customers `c` (left-joined to `customer_segments cs`) matching an audience. */
export function audienceWhere(
  audience: AudienceFilter,
  firstParam: number,
): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  if (audience.npsCategories.length > 0)
    clauses.push(
      `COALESCE(cs.nps_category, 'unknown') = ANY(${next(audience.npsCategories)}::text[])`,
    );
  if (audience.segmentKeys.length > 0)
    clauses.push(`cs.segment_key = ANY(${next(audience.segmentKeys)}::text[])`);
  if (audience.customerIds.length > 0)
    clauses.push(`c.id = ANY(${next(audience.customerIds)}::uuid[])`);
  return { sql: clauses.length > 0 ? clauses.join(' AND ') : 'true', params };
}

/**
 * Why a customer is skipped before any mail goes out (null: they get one). `$marketing`, `$max` and
 * `$days` are the given parameter placeholders. Throttle counts messages already claimed for sending.
 */
export function skipReasonSql(
  marketing: string,
  max: string,
  days: string,
): string {
  return `CASE
      WHEN NOT c.consent_email THEN 'no_consent'
      WHEN ${marketing} AND NOT c.consent_marketing THEN 'no_marketing_consent'
      WHEN (SELECT count(*) FROM outreach_messages prior
             WHERE prior.customer_id = c.id AND prior.status IN ('sending', 'sent')
               AND prior.claimed_at > now() - make_interval(days => ${days})) >= ${max} THEN 'throttled'
    END`;
}
