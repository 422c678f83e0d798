import { NamedSegmentRule, SegmentRules } from '@advocacy/shared';

export interface BoundSql {
  text: string;
  params: unknown[];
}

/**
 * Builds the CTEs every segment computation shares, ending in
 * `classified(customer_id, last_score, nps_category, advocacy_level, loyalty, churn_risk, segment_key)`
 * plus what is stored now (`stored`, `old_segment_key`, `old_nps_category`).
 * Only the shape of the rules reaches the SQL text; every value is a bound parameter.
 * `$1` is the moment of computation, used by the callers too.
 */
export function classifyCtes(
  rules: SegmentRules,
  customerIds: string[] | null,
  now: Date,
): BoundSql {
  const params: unknown[] = [
    now,
    rules.npsWindowDays,
    rules.activeWindowDays,
    rules.repeatPurchaseMin,
    rules.churnInactiveDays,
    rules.npsDropPoints,
    customerIds,
  ];
  const bind = (value: unknown, cast: string): string => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const branches = rules.segments.map(
    (segment) =>
      `WHEN ${conditionsOf(segment, bind)} THEN ${bind(segment.key, 'text')}`,
  );
  const fallback = rules.segments[rules.segments.length - 1]?.key ?? 'unknown';
  const text = `
WITH last_two AS (
  SELECT DISTINCT ON (r.customer_id) r.customer_id, r.score AS last_score, r.responded_at AS last_at,
         lead(r.score) OVER (PARTITION BY r.customer_id ORDER BY r.responded_at DESC, r.id DESC) AS previous_score
    FROM survey_responses r
   WHERE r.kind = 'nps' AND r.responded_at <= $1::timestamptz
     AND ($7::uuid[] IS NULL OR r.customer_id = ANY($7::uuid[]))
   ORDER BY r.customer_id, r.responded_at DESC, r.id DESC
), facts AS (
  SELECT c.id AS customer_id, lt.last_score, c.purchase_count,
         p.customer_id IS NOT NULL AS stored, p.segment_key AS old_segment_key, p.nps_category AS old_nps_category,
         CASE WHEN lt.last_at IS NULL OR lt.last_at < $1::timestamptz - make_interval(days => $2::int) THEN 'unknown'
              WHEN lt.last_score >= 9 THEN 'promoter'
              WHEN lt.last_score >= 7 THEN 'passive'
              ELSE 'detractor' END AS nps_category,
         CASE WHEN c.ambassador_since IS NOT NULL THEN 'ambassador'
              WHEN c.last_advocacy_at >= $1::timestamptz - make_interval(days => $3::int) THEN 'active'
              ELSE 'passive' END AS advocacy_level,
         coalesce(lt.previous_score - lt.last_score >= $6::int, false) AS dropped,
         coalesce(c.last_purchase_at, '-infinity') < $1::timestamptz - make_interval(days => $5::int)
           AND coalesce(c.last_advocacy_at, '-infinity') < $1::timestamptz - make_interval(days => $5::int) AS inactive
    FROM customers c
    LEFT JOIN last_two lt ON lt.customer_id = c.id
    LEFT JOIN customer_segments p ON p.customer_id = c.id
   WHERE ($7::uuid[] IS NULL OR c.id = ANY($7::uuid[]))
), derived AS (
  SELECT customer_id, last_score, nps_category, advocacy_level, stored, old_segment_key, old_nps_category,
         CASE WHEN advocacy_level <> 'passive' THEN 'advocacy'
              WHEN nps_category = 'promoter' THEN 'attitudinal'
              WHEN purchase_count >= $4::int THEN 'behavioural'
              ELSE 'none' END AS loyalty,
         (nps_category = 'detractor' OR dropped OR inactive) AS churn_risk
    FROM facts
), classified AS (
  SELECT d.*,
         CASE ${branches.join('\n              ')}
              ELSE ${bind(fallback, 'text')} END AS segment_key
    FROM derived d
)`;
  return { text, params };
}

function conditionsOf(
  segment: NamedSegmentRule,
  bind: (value: unknown, cast: string) => string,
): string {
  const parts: string[] = [];
  if (segment.npsCategories)
    parts.push(
      `d.nps_category = ANY(${bind(segment.npsCategories, 'text[]')})`,
    );
  if (segment.advocacyLevels)
    parts.push(
      `d.advocacy_level = ANY(${bind(segment.advocacyLevels, 'text[]')})`,
    );
  if (segment.churnRisk !== undefined)
    parts.push(`d.churn_risk = ${bind(segment.churnRisk, 'boolean')}`);
  return parts.length > 0 ? parts.join(' AND ') : 'TRUE';
}

/** Rewrites every classified customer's segment and writes history only where the segment or NPS category moved. */
export function recomputeSql(
  rules: SegmentRules,
  customerIds: string[] | null,
  now: Date,
): BoundSql {
  const { text, params } = classifyCtes(rules, customerIds, now);
  return {
    params,
    text: `${text},
updated AS (
  UPDATE customer_segments cs
     SET segment_key = k.segment_key, nps_category = k.nps_category, last_score = k.last_score,
         advocacy_level = k.advocacy_level, loyalty = k.loyalty, churn_risk = k.churn_risk, computed_at = $1::timestamptz
    FROM classified k
   WHERE k.stored AND cs.customer_id = k.customer_id
  RETURNING 1
), inserted AS (
  INSERT INTO customer_segments
         (customer_id, segment_key, nps_category, last_score, advocacy_level, loyalty, churn_risk, computed_at)
  SELECT customer_id, segment_key, nps_category, last_score, advocacy_level, loyalty, churn_risk, $1::timestamptz
    FROM classified WHERE NOT stored
  RETURNING 1
), changed AS (
  INSERT INTO segment_changes
         (customer_id, from_segment_key, to_segment_key, from_nps_category, to_nps_category, changed_at)
  SELECT customer_id, old_segment_key, segment_key, old_nps_category, nps_category, $1::timestamptz
    FROM classified
   WHERE NOT stored OR old_segment_key <> segment_key OR old_nps_category <> nps_category
  RETURNING 1
)
SELECT (SELECT count(*) FROM updated)::int + (SELECT count(*) FROM inserted)::int AS computed,
       (SELECT count(*) FROM changed)::int AS changed`,
  };
}

/** Segment sizes the rules would give, computed without writing anything. */
export function previewSql(rules: SegmentRules, now: Date): BoundSql {
  const { text, params } = classifyCtes(rules, null, now);
  return {
    params,
    text: `${text}
SELECT segment_key AS key, count(*)::int AS count FROM classified GROUP BY segment_key`,
  };
}
