import { CASE_DROP_POINTS, CaseReason } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { WebhookOutboxService } from '../webhooks/webhook-outbox.service';

interface OpenedRow {
  id: string;
  customer_id: string;
  response_id: string;
  reason: CaseReason;
  score: number;
  previous_score: number | null;
  owner_id: string | null;
  due_at: Date;
  customer_email: string;
  customer_external_id: string | null;
}

export interface OpenedCase {
  id: string;
  customerId: string;
  responseId: string;
  reason: CaseReason;
  score: number;
  previousScore: number | null;
  ownerId: string | null;
  dueAt: string;
  /** So a receiving CRM can find the person without calling back. */
  customerEmail: string;
  customerExternalId: string | null;
}

/**
 * Opens follow-up cases, set-based and idempotent. A customer's latest NPS answer (within the
 * lookback) opens one when it is a detractor score or 3+ points below their previous answer, unless
 * that answer already has a case or the customer already has an active one. New cases go
 * round-robin to managers, those with the fewest active cases first; with no managers they stay
 * unassigned for someone to take.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly config: AppConfig,
    private readonly webhooks: WebhookOutboxService,
  ) {}

  async openMissing(
    manager: EntityManager,
    customerIds?: string[],
  ): Promise<OpenedCase[]> {
    const rows = await manager.query<OpenedRow[]>(
      `WITH latest AS (
         SELECT DISTINCT ON (r.customer_id) r.id, r.customer_id, r.score, r.responded_at
           FROM survey_responses r
          WHERE r.kind = 'nps' AND r.responded_at >= now() - make_interval(days => $1)
            AND ($2::uuid[] IS NULL OR r.customer_id = ANY($2::uuid[]))
          ORDER BY r.customer_id, r.responded_at DESC, r.id DESC),
       candidates AS (
         SELECT l.id, l.customer_id, l.score, l.responded_at, prev.score AS previous_score
           FROM latest l
           LEFT JOIN LATERAL (
             SELECT p.score FROM survey_responses p
              WHERE p.customer_id = l.customer_id AND p.kind = 'nps' AND p.responded_at < l.responded_at
              ORDER BY p.responded_at DESC LIMIT 1) prev ON true
          WHERE (l.score <= 6 OR prev.score - l.score >= $3)
            AND NOT EXISTS (SELECT 1 FROM followup_cases c WHERE c.response_id = l.id)
            AND NOT EXISTS (SELECT 1 FROM followup_cases c
                             WHERE c.customer_id = l.customer_id AND c.state IN ('open', 'contacted'))),
       numbered AS (
         SELECT c.*, row_number() OVER (ORDER BY c.responded_at, c.id) - 1 AS seq FROM candidates c),
       owners AS (
         SELECT u.id, row_number() OVER (ORDER BY load.active, u.created_at, u.id) - 1 AS slot,
                count(*) OVER () AS total
           FROM users u
           CROSS JOIN LATERAL (SELECT count(*) AS active FROM followup_cases c
                                WHERE c.owner_id = u.id AND c.state IN ('open', 'contacted')) load
          WHERE u.role = 'manager' AND u.disabled_at IS NULL AND u.password_hash IS NOT NULL),
       opened AS (
         INSERT INTO followup_cases (customer_id, response_id, reason, score, previous_score, owner_id, due_at)
         SELECT n.customer_id, n.id, CASE WHEN n.score <= 6 THEN 'detractor' ELSE 'drop' END, n.score,
                n.previous_score, o.id, now() + make_interval(hours => $4)
           FROM numbered n LEFT JOIN owners o ON o.slot = n.seq % o.total
         ON CONFLICT DO NOTHING
         RETURNING id, customer_id, response_id, reason, score, previous_score, owner_id, due_at),
       logged AS (
         INSERT INTO followup_case_transitions (case_id, from_state, to_state, reason)
         SELECT id, NULL, 'open', CASE WHEN reason = 'detractor' THEN 'Detractor score ' || score
                                  ELSE 'Dropped from ' || previous_score || ' to ' || score END
           FROM opened)
       SELECT o.*, cu.email AS customer_email, cu.external_id AS customer_external_id
         FROM opened o JOIN customers cu ON cu.id = o.customer_id`,
      [
        this.config.CASES_LOOKBACK_DAYS,
        customerIds ?? null,
        CASE_DROP_POINTS,
        this.config.CASES_DUE_HOURS,
      ],
    );
    const opened = rows.map(toOpened);
    await this.webhooks.publishMany(
      manager,
      'case.opened',
      opened.map(({ id, ...rest }) => ({ caseId: id, ...rest })),
    );
    return opened;
  }
}

function toOpened(row: OpenedRow): OpenedCase {
  return {
    id: row.id,
    customerId: row.customer_id,
    responseId: row.response_id,
    reason: row.reason,
    score: row.score,
    previousScore: row.previous_score,
    ownerId: row.owner_id,
    dueAt: row.due_at.toISOString(),
    customerEmail: row.customer_email,
    customerExternalId: row.customer_external_id,
  };
}
