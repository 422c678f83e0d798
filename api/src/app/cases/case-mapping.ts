import { CaseReason, CaseState, CaseSummary } from '@advocacy/shared';

export interface CaseRow {
  id: string;
  customer_id: string;
  customer_name: string;
  customer_email: string;
  response_id: string;
  reason: CaseReason;
  score: number;
  previous_score: number | null;
  comment: string | null;
  owner_id: string | null;
  owner_name: string | null;
  state: CaseState;
  due_at: Date;
  overdue: boolean;
  created_at: Date;
  updated_at: Date;
  contacted_at: Date | null;
  closed_at: Date | null;
}

/** Overdue is computed by the database clock, so every list and filter agrees. */
export const CASE_SELECT = `SELECT c.id, c.customer_id, cu.name AS customer_name, cu.email AS customer_email,
       c.response_id, c.reason, c.score, c.previous_score, r.comment, c.owner_id, u.name AS owner_name,
       c.state, c.due_at, (c.state IN ('open', 'contacted') AND c.due_at < now()) AS overdue,
       c.created_at, c.updated_at, c.contacted_at, c.closed_at
  FROM followup_cases c
  JOIN customers cu ON cu.id = c.customer_id
  JOIN survey_responses r ON r.id = c.response_id
  LEFT JOIN users u ON u.id = c.owner_id`;

export function toCaseSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerEmail: row.customer_email,
    responseId: row.response_id,
    reason: row.reason,
    score: row.score,
    previousScore: row.previous_score,
    comment: row.comment,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    state: row.state,
    dueAt: row.due_at.toISOString(),
    overdue: row.overdue,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    contactedAt: row.contacted_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}
