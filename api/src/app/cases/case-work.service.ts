import {
  canMoveCase,
  CASE_STATE_LABELS,
  CaseDetail,
  CaseNote,
  CaseOwnerOption,
  CaseSummary,
  npsCategory,
  Page,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { conflict, invalid, notFound } from '../common/errors';
import { toPage } from '../common/pagination/page-query.dto';
import { isUniqueViolation } from '../database/unique-violation';
import { AppConfig } from '../config/app-config';
import { CASE_SELECT, CaseRow, toCaseSummary } from './case-mapping';
import { CaseListQueryDto, MoveCaseDto } from './dto/case.dto';
import { FollowupCase } from './entities/followup-case.entity';

const ACTIVE_KEY = 'followup_cases_active_customer_key';
const OWNER_ROLES = ['manager', 'admin'];

/** Working a follow-up case: list, detail, state changes, owner and notes. */
@Injectable()
export class CaseWorkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(
    ctx: RequestContext,
    query: CaseListQueryDto,
  ): Promise<Page<CaseSummary>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (query.state) add((n) => `c.state = ${n}`, query.state);
    if (query.owner === 'none') where.push('c.owner_id IS NULL');
    else if (query.owner === 'me')
      add((n) => `c.owner_id = ${n}`, ctx.user?.id);
    else if (query.owner) add((n) => `c.owner_id = ${n}`, query.owner);
    if (query.overdue === true)
      where.push(`c.state IN ('open', 'contacted') AND c.due_at < now()`);
    if (query.overdue === false)
      where.push(`NOT (c.state IN ('open', 'contacted') AND c.due_at < now())`);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM followup_cases c ${filter}`,
      params,
    );
    const rows = await this.db.query<CaseRow[]>(
      `${CASE_SELECT} ${filter}
        ORDER BY (c.state IN ('open', 'contacted')) DESC,
                 CASE WHEN c.state IN ('open', 'contacted') THEN c.due_at END ASC,
                 c.updated_at DESC, c.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
    return toPage(rows.map(toCaseSummary), total, query);
  }

  async get(id: string): Promise<CaseDetail> {
    const summary = await this.summary(this.db.manager, id);
    const [notes, transitions, responses] = await Promise.all([
      this.db.query<
        {
          id: string;
          author_id: string | null;
          author_name: string | null;
          body: string;
          created_at: Date;
        }[]
      >(
        `SELECT n.id, n.author_id, u.name AS author_name, n.body, n.created_at
           FROM followup_case_notes n LEFT JOIN users u ON u.id = n.author_id
          WHERE n.case_id = $1 ORDER BY n.created_at DESC, n.id`,
        [id],
      ),
      this.db.query<
        {
          from_state: CaseDetail['state'] | null;
          to_state: CaseDetail['state'];
          actor_name: string | null;
          reason: string | null;
          at: Date;
        }[]
      >(
        `SELECT t.from_state, t.to_state, u.name AS actor_name, t.reason, t.at
           FROM followup_case_transitions t LEFT JOIN users u ON u.id = t.actor_id
          WHERE t.case_id = $1 ORDER BY t.at, t.id`,
        [id],
      ),
      this.db.query<
        {
          id: string;
          survey_id: string;
          survey_name: string;
          score: number;
          kind: 'nps' | 'csat';
          comment: string | null;
          channel: string;
          responded_at: Date;
        }[]
      >(
        `SELECT r.id, r.survey_id, s.name AS survey_name, r.score, r.kind, r.comment, r.channel, r.responded_at
           FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
          WHERE r.customer_id = $1 ORDER BY r.responded_at DESC, r.id LIMIT 100`,
        [summary.customerId],
      ),
    ]);
    return {
      ...summary,
      notes: notes.map(toNote),
      transitions: transitions.map((t) => ({
        fromState: t.from_state,
        toState: t.to_state,
        actorName: t.actor_name,
        reason: t.reason,
        at: t.at.toISOString(),
      })),
      responses: responses.map((r) => ({
        id: r.id,
        surveyId: r.survey_id,
        surveyName: r.survey_name,
        score: r.score,
        kind: r.kind,
        category: r.kind === 'nps' ? npsCategory(r.score) : null,
        comment: r.comment,
        channel: r.channel,
        respondedAt: r.responded_at.toISOString(),
        opening: r.id === summary.responseId,
      })),
    };
  }

  /**
   * Moves a case along open → contacted → resolved / closed without fix (or reopens it). Whoever
   * first records contact on an unassigned case becomes its owner; resolving straight from open
   * counts as contacted.
   */
  async move(
    ctx: RequestContext,
    id: string,
    body: MoveCaseDto,
  ): Promise<CaseSummary> {
    const reason = body.reason?.trim() || null;
    if (body.state === 'closed_without_fix' && !reason)
      throw invalid({ reason: 'is required when closing without a fix' });
    try {
      return await this.db.transaction(async (manager) => {
        const found = await this.lock(manager, id);
        const before = await this.summary(manager, id);
        if (found.state === body.state)
          throw conflict(
            `The case is already ${CASE_STATE_LABELS[found.state].toLowerCase()}`,
            {
              state: `is ${found.state}`,
            },
          );
        if (!canMoveCase(found.state, body.state))
          throw conflict(
            `A case cannot go from ${CASE_STATE_LABELS[found.state].toLowerCase()} to ${CASE_STATE_LABELS[body.state].toLowerCase()}`,
            { state: `cannot follow ${found.state}` },
          );
        const sets = ['state = $2', 'updated_at = now()'];
        const params: unknown[] = [id, body.state];
        if (body.state === 'contacted' || body.state === 'resolved')
          sets.push('contacted_at = coalesce(contacted_at, now())');
        if (body.state === 'contacted' && !found.ownerId && ctx.user) {
          params.push(ctx.user.id);
          sets.push(`owner_id = $${params.length}`);
        }
        if (body.state === 'resolved' || body.state === 'closed_without_fix')
          sets.push('closed_at = now()');
        if (body.state === 'open') {
          params.push(this.config.CASES_DUE_HOURS);
          sets.push(
            'closed_at = NULL',
            `due_at = now() + make_interval(hours => $${params.length})`,
          );
        }
        await manager.query(
          `UPDATE followup_cases SET ${sets.join(', ')} WHERE id = $1`,
          params,
        );
        await manager.query(
          `INSERT INTO followup_case_transitions (case_id, from_state, to_state, actor_id, reason)
           VALUES ($1, $2, $3, $4, $5)`,
          [id, found.state, body.state, ctx.user?.id ?? null, reason],
        );
        const after = await this.summary(manager, id);
        await this.audit.record(
          ctx,
          {
            action: 'followup_case.moved',
            entityType: 'followup_case',
            entityId: id,
            before: { state: before.state, ownerId: before.ownerId },
            after: { state: after.state, ownerId: after.ownerId, reason },
          },
          manager,
        );
        return after;
      });
    } catch (error) {
      if (isUniqueViolation(error, ACTIVE_KEY))
        throw conflict(
          'This customer already has an active case; work on that one',
          {
            state: 'another case of this customer is active',
          },
        );
      throw error;
    }
  }

  async assign(
    ctx: RequestContext,
    id: string,
    ownerId: string | null,
  ): Promise<CaseSummary> {
    return this.db.transaction(async (manager) => {
      const found = await this.lock(manager, id);
      if (ownerId !== null) {
        const [owner] = await manager.query<{ id: string }[]>(
          `SELECT id FROM users WHERE id = $1 AND role = ANY($2::text[]) AND disabled_at IS NULL`,
          [ownerId, OWNER_ROLES],
        );
        if (!owner)
          throw invalid({ ownerId: 'must be an active manager or admin' });
      }
      await manager.query(
        `UPDATE followup_cases SET owner_id = $2, updated_at = now() WHERE id = $1`,
        [id, ownerId],
      );
      await this.audit.record(
        ctx,
        {
          action: 'followup_case.assigned',
          entityType: 'followup_case',
          entityId: id,
          before: { ownerId: found.ownerId },
          after: { ownerId },
        },
        manager,
      );
      return this.summary(manager, id);
    });
  }

  async addNote(
    ctx: RequestContext,
    id: string,
    body: string,
  ): Promise<CaseNote> {
    return this.db.transaction(async (manager) => {
      await this.lock(manager, id);
      const [row] = await manager.query<
        {
          id: string;
          author_id: string | null;
          author_name: string | null;
          body: string;
          created_at: Date;
        }[]
      >(
        `WITH n AS (INSERT INTO followup_case_notes (case_id, author_id, body) VALUES ($1, $2, $3)
                    RETURNING id, author_id, body, created_at)
         SELECT n.*, u.name AS author_name FROM n LEFT JOIN users u ON u.id = n.author_id`,
        [id, ctx.user?.id ?? null, body],
      );
      await manager.query(
        `UPDATE followup_cases SET updated_at = now() WHERE id = $1`,
        [id],
      );
      await this.audit.record(
        ctx,
        {
          action: 'followup_case.note_added',
          entityType: 'followup_case',
          entityId: id,
          after: { noteId: row.id },
        },
        manager,
      );
      return toNote(row);
    });
  }

  async owners(): Promise<CaseOwnerOption[]> {
    return this.db.query<CaseOwnerOption[]>(
      `SELECT id, name, email FROM users
        WHERE role = ANY($1::text[]) AND disabled_at IS NULL ORDER BY name, email`,
      [OWNER_ROLES],
    );
  }

  private async lock(
    manager: EntityManager,
    id: string,
  ): Promise<FollowupCase> {
    const found = await manager.getRepository(FollowupCase).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!found) throw notFound('Case');
    return found;
  }

  private async summary(
    manager: EntityManager,
    id: string,
  ): Promise<CaseSummary> {
    const [row] = await manager.query<CaseRow[]>(
      `${CASE_SELECT} WHERE c.id = $1`,
      [id],
    );
    if (!row) throw notFound('Case');
    return toCaseSummary(row);
  }
}

function toNote(row: {
  id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: Date;
}): CaseNote {
  return {
    id: row.id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at.toISOString(),
  };
}
