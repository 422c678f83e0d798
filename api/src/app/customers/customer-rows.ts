import {
  CustomerDetail,
  CustomerSummary,
  npsCategory,
  SegmentNpsCategory,
} from '@advocacy/shared';
import { DataSource } from 'typeorm';

const HISTORY_LIMIT = 100;

/** A customers row joined with its current segment, as the driver returns it. */
export interface SummaryRow {
  id: string;
  external_id: string | null;
  email: string;
  name: string;
  purchase_count: number;
  purchase_value: string;
  first_purchase_at: Date | null;
  last_purchase_at: Date | null;
  consent_email: boolean;
  consent_marketing: boolean;
  last_advocacy_at: Date | null;
  ambassador_since: Date | null;
  created_at: Date;
  updated_at: Date;
  segment_key: string | null;
  nps_category: SegmentNpsCategory | null;
  last_score: number | null;
}

export function toSummary(row: SummaryRow): CustomerSummary {
  return {
    id: row.id,
    externalId: row.external_id,
    email: row.email,
    name: row.name,
    purchaseCount: row.purchase_count,
    purchaseValue: Number(row.purchase_value),
    segmentKey: row.segment_key,
    npsCategory: row.nps_category,
    lastScore: row.last_score,
    createdAt: row.created_at.toISOString(),
  };
}

interface ResponseRow {
  id: string;
  survey_id: string;
  survey_name: string;
  kind: 'nps' | 'csat';
  score: number;
  comment: string | null;
  channel: string;
  responded_at: Date;
}

interface MoveRow {
  from_segment_key: string | null;
  to_segment_key: string;
  from_nps_category: SegmentNpsCategory | null;
  to_nps_category: SegmentNpsCategory;
  changed_at: Date;
}

/** The customer's answers and segment moves, newest first. */
export async function loadCustomerHistory(
  db: DataSource,
  customerId: string,
): Promise<Pick<CustomerDetail, 'responses' | 'segmentHistory'>> {
  const [responses, moves] = await Promise.all([
    db.query<ResponseRow[]>(
      `SELECT r.id, r.survey_id, s.name AS survey_name, r.kind, r.score, r.comment, r.channel, r.responded_at
         FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
        WHERE r.customer_id = $1 ORDER BY r.responded_at DESC LIMIT ${HISTORY_LIMIT}`,
      [customerId],
    ),
    db.query<MoveRow[]>(
      `SELECT from_segment_key, to_segment_key, from_nps_category, to_nps_category, changed_at
         FROM segment_changes WHERE customer_id = $1 ORDER BY changed_at DESC LIMIT ${HISTORY_LIMIT}`,
      [customerId],
    ),
  ]);
  return {
    responses: responses.map((r) => ({
      id: r.id,
      surveyId: r.survey_id,
      surveyName: r.survey_name,
      kind: r.kind,
      score: r.score,
      category: r.kind === 'nps' ? npsCategory(r.score) : null,
      comment: r.comment,
      channel: r.channel,
      respondedAt: r.responded_at.toISOString(),
    })),
    segmentHistory: moves.map((m) => ({
      fromSegmentKey: m.from_segment_key,
      toSegmentKey: m.to_segment_key,
      fromNpsCategory: m.from_nps_category,
      toNpsCategory: m.to_nps_category,
      changedAt: m.changed_at.toISOString(),
    })),
  };
}
