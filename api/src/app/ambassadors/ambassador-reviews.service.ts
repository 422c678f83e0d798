import {
  ApplicationDetail,
  ApplicationRow,
  BulkDecisionResult,
  DecisionResult,
  Page,
  SegmentSnapshot,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { DomainError, notFound, unprocessable } from '../common/errors';
import { toPage } from '../common/pagination/page-query.dto';
import { SegmentSnapshotService } from '../segments/segment-snapshot.service';
import {
  AmbassadorDecisionsService,
  DecideInput,
} from './ambassador-decisions.service';
import { toTransition } from './ambassador-mapping';
import { AmbassadorProgrammesService } from './ambassador-programmes.service';
import { ApplicationListQueryDto } from './dto/application.dto';
import { AmbassadorApplicationEvent } from './entities/ambassador-application-event.entity';
import { AmbassadorApplication } from './entities/ambassador-application.entity';
import { AmbassadorFormVersion } from './entities/ambassador-form-version.entity';

interface BoardRow {
  id: string;
  programme_id: string;
  customer_id: string;
  name: string;
  email: string;
  state: ApplicationRow['state'];
  score: number;
  channel: ApplicationRow['channel'];
  email_confirmed_at: Date | null;
  segment_snapshot: SegmentSnapshot;
  current_key: string | null;
  form_version: number;
  reason_code: ApplicationRow['reasonCode'];
  submitted_at: Date | null;
  decided_at: Date | null;
  revoked_at: Date | null;
  total: string;
}

const BOARD_SELECT = `
  SELECT a.id, a.programme_id, a.customer_id, c.name, c.email, a.state, a.score, a.channel, a.email_confirmed_at,
         a.segment_snapshot, cs.segment_key AS current_key, v.version AS form_version, a.reason_code,
         a.submitted_at, a.decided_at, a.revoked_at, count(*) OVER () AS total
    FROM ambassador_applications a
    JOIN customers c ON c.id = a.customer_id
    JOIN ambassador_form_versions v ON v.id = a.form_version_id
    LEFT JOIN customer_segments cs ON cs.customer_id = a.customer_id`;

@Injectable()
export class AmbassadorReviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly programmes: AmbassadorProgrammesService,
    private readonly decisions: AmbassadorDecisionsService,
    private readonly snapshots: SegmentSnapshotService,
    private readonly audit: AuditService,
  ) {}

  async board(
    programmeId: string,
    query: ApplicationListQueryDto,
  ): Promise<Page<ApplicationRow>> {
    await this.programmes.find(this.db.manager, programmeId);
    const where = [`a.programme_id = $1`, `a.state <> 'draft'`];
    const params: unknown[] = [programmeId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.state) add('a.state = ?', query.state);
    if (query.segment) add('a.segment_key = ?', query.segment);
    if (query.minScore !== undefined) add('a.score >= ?', query.minScore);
    if (query.maxScore !== undefined) add('a.score <= ?', query.maxScore);
    if (query.from) add('a.submitted_at >= ?', query.from);
    if (query.to) add('a.submitted_at < ?::date + 1', query.to);
    const order =
      query.sort === 'score'
        ? 'a.score DESC, a.submitted_at ASC'
        : 'a.submitted_at ASC NULLS LAST';
    params.push(query.pageSize, query.offset);
    const rows: BoardRow[] = await this.db.query(
      `${BOARD_SELECT} WHERE ${where.join(' AND ')} ORDER BY ${order}, a.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const names = await this.segmentNames();
    return toPage(
      rows.map((r) => toRow(r, names)),
      Number(rows[0]?.total ?? 0),
      query,
    );
  }

  async detail(id: string): Promise<ApplicationDetail> {
    const [row]: BoardRow[] = await this.db.query(
      `${BOARD_SELECT} WHERE a.id = $1 AND a.state <> 'draft'`,
      [id],
    );
    if (!row) throw notFound('Application');
    const app = await this.db
      .getRepository(AmbassadorApplication)
      .findOneByOrFail({ id });
    const version = await this.db
      .getRepository(AmbassadorFormVersion)
      .findOneByOrFail({ id: app.formVersionId });
    const events = await this.db
      .getRepository(AmbassadorApplicationEvent)
      .find({ where: { applicationId: id }, order: { at: 'ASC', id: 'ASC' } });
    const [referrals]: Record<string, string>[] = await this.db.query(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE status = 'qualified') AS qualified,
              count(*) FILTER (WHERE status IN ('pending', 'in_review')) AS pending,
              count(*) FILTER (WHERE status IN ('rejected', 'reversed')) AS rejected
         FROM referrals WHERE referrer_customer_id = $1`,
      [app.customerId],
    );
    const nps: { score: number; responded_at: Date }[] = await this.db.query(
      `SELECT score, responded_at FROM survey_responses
        WHERE customer_id = $1 AND kind = 'nps' ORDER BY responded_at DESC LIMIT 20`,
      [app.customerId],
    );
    return {
      ...toRow(row, await this.segmentNames()),
      answers: app.answers,
      fields: version.fields,
      facts: app.facts,
      currentSegment: await this.snapshots.snapshotFor(app.customerId),
      referrals: {
        total: Number(referrals.total),
        qualified: Number(referrals.qualified),
        pending: Number(referrals.pending),
        rejected: Number(referrals.rejected),
      },
      npsHistory: nps
        .reverse()
        .map((n) => ({ score: n.score, at: n.responded_at.toISOString() })),
      notes: events
        .filter((e) => e.kind === 'note')
        .map((e) => ({
          id: e.id,
          authorEmail: e.actorEmail,
          body: e.body ?? '',
          at: e.at.toISOString(),
        })),
      decisionMessage: app.decisionMessage,
      history: events.filter((e) => e.kind === 'transition').map(toTransition),
    };
  }

  async decide(
    ctx: RequestContext,
    id: string,
    input: DecideInput,
  ): Promise<DecisionResult> {
    const result = await this.db.transaction(async (manager) => {
      const peek = await manager
        .getRepository(AmbassadorApplication)
        .findOneBy({ id });
      if (!peek || peek.state === 'draft') throw notFound('Application');
      // Programme first, then application: the same lock order everywhere, so no deadlocks.
      const programme = await this.programmes.find(
        manager,
        peek.programmeId,
        true,
      );
      const app = await this.decisions.lockApplication(manager, id);
      return {
        customerId: app.customerId,
        result: await this.decisions.decide(
          manager,
          ctx,
          programme,
          app,
          input,
        ),
      };
    });
    if (result.result.state === 'approved')
      await this.decisions.recompute([result.customerId]);
    return result.result;
  }

  /** Each application is decided on its own, so one refusal does not undo the others. */
  async bulk(
    ctx: RequestContext,
    programmeId: string,
    ids: string[],
    input: DecideInput,
  ): Promise<BulkDecisionResult> {
    await this.programmes.find(this.db.manager, programmeId);
    const owned: { id: string }[] = await this.db.query(
      `SELECT id FROM ambassador_applications WHERE programme_id = $1 AND id = ANY($2::uuid[])`,
      [programmeId, ids],
    );
    const inProgramme = new Set(owned.map((r) => r.id));
    const results: BulkDecisionResult['results'] = [];
    for (const id of ids) {
      if (!inProgramme.has(id)) {
        results.push({
          id,
          error: 'Application was not found in this programme',
        });
        continue;
      }
      try {
        results.push(await this.decide(ctx, id, input));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ id, error: error.message });
      }
    }
    return { results };
  }

  /** Promotes the next N from the waitlist in the programme's fair order, as far as capacity allows. */
  async inviteNext(
    ctx: RequestContext,
    programmeId: string,
    count: number,
  ): Promise<DecisionResult[]> {
    const { results, customers } = await this.db.transaction(
      async (manager) => {
        const programme = await this.programmes.find(
          manager,
          programmeId,
          true,
        );
        const free =
          programme.capacity === null
            ? count
            : programme.capacity -
              (await this.decisions.approvedCount(manager, programmeId));
        if (free <= 0)
          throw unprocessable(
            `${programme.name} is full; raise the capacity or revoke an ambassador first`,
            { count: 'no places are free' },
          );
        const query = manager
          .getRepository(AmbassadorApplication)
          .createQueryBuilder('a')
          .where('a.programmeId = :programmeId', { programmeId })
          .andWhere(`a.state = 'waitlisted'`);
        if (programme.waitlistOrder === 'score')
          query.orderBy('a.score', 'DESC').addOrderBy('a.waitlistedAt', 'ASC');
        else query.orderBy('a.waitlistedAt', 'ASC');
        const next = await query
          .addOrderBy('a.id', 'ASC')
          .limit(Math.min(count, free))
          .setLock('pessimistic_write')
          .getMany();
        if (next.length === 0)
          throw unprocessable('Nobody is on the waitlist', {
            count: 'the waitlist is empty',
          });
        const decided: DecisionResult[] = [];
        for (const app of next)
          decided.push(
            await this.decisions.decide(manager, ctx, programme, app, {
              decision: 'approve',
            }),
          );
        return { results: decided, customers: next.map((a) => a.customerId) };
      },
    );
    await this.decisions.recompute(customers);
    return results;
  }

  async addNote(
    ctx: RequestContext,
    id: string,
    body: string,
  ): Promise<ApplicationDetail> {
    await this.db.transaction(async (manager) => {
      const app = await manager
        .getRepository(AmbassadorApplication)
        .findOneBy({ id });
      if (!app || app.state === 'draft') throw notFound('Application');
      await manager.getRepository(AmbassadorApplicationEvent).insert({
        applicationId: id,
        kind: 'note',
        actorId: ctx.user?.id ?? null,
        actorEmail: ctx.user?.email ?? null,
        body: body.trim(),
      });
      await this.audit.record(
        ctx,
        {
          action: 'ambassador_application.noted',
          entityType: 'ambassador_application',
          entityId: id,
        },
        manager,
      );
    });
    return this.detail(id);
  }

  /** Takes ambassador status away; `ambassador_since` stays only if another programme still has them. */
  async revoke(ctx: RequestContext, id: string): Promise<ApplicationDetail> {
    const customerId = await this.db.transaction(async (manager) => {
      const peek = await manager
        .getRepository(AmbassadorApplication)
        .findOneBy({ id });
      if (!peek || peek.state === 'draft') throw notFound('Application');
      const programme = await this.programmes.find(
        manager,
        peek.programmeId,
        true,
      );
      const app = await this.decisions.lockApplication(manager, id);
      if (app.state !== 'approved' || app.revokedAt)
        throw unprocessable('Only a current ambassador can be revoked', {
          state: `is ${app.revokedAt ? 'already revoked' : app.state}`,
        });
      app.revokedAt = new Date();
      await manager.getRepository(AmbassadorApplication).save(app);
      await manager.query(
        `UPDATE customers SET ambassador_since = NULL WHERE id = $1 AND NOT EXISTS (
           SELECT 1 FROM ambassador_applications
            WHERE customer_id = $1 AND state = 'approved' AND revoked_at IS NULL)`,
        [app.customerId],
      );
      await manager.getRepository(AmbassadorApplicationEvent).insert({
        applicationId: id,
        kind: 'note',
        actorId: ctx.user?.id ?? null,
        actorEmail: ctx.user?.email ?? null,
        body: 'Ambassador status revoked',
      });
      await this.audit.record(
        ctx,
        {
          action: 'ambassador_application.revoked',
          entityType: 'ambassador_application',
          entityId: id,
          before: { state: 'approved', revokedAt: null },
          after: { state: 'approved', revokedAt: app.revokedAt.toISOString() },
        },
        manager,
      );
      await this.decisions.notifyRevoked(manager, programme, app);
      return app.customerId;
    });
    await this.decisions.recompute([customerId]);
    return this.detail(id);
  }

  private async segmentNames(): Promise<Record<string, string>> {
    const rows: {
      rules: { segments: { key: string; name: string }[] } | null;
    }[] = await this.db.query(
      `SELECT rules FROM segment_rule_sets WHERE programme_id IS NULL LIMIT 1`,
    );
    return Object.fromEntries(
      (rows[0]?.rules?.segments ?? []).map((s) => [s.key, s.name]),
    );
  }
}

function toRow(r: BoardRow, names: Record<string, string>): ApplicationRow {
  return {
    id: r.id,
    programmeId: r.programme_id,
    customerId: r.customer_id,
    customerName: r.name,
    customerEmail: r.email,
    state: r.state,
    score: r.score,
    channel: r.channel,
    emailConfirmedAt: r.email_confirmed_at?.toISOString() ?? null,
    segmentSnapshot: r.segment_snapshot,
    currentSegmentKey: r.current_key,
    currentSegmentName: r.current_key
      ? (names[r.current_key] ?? r.current_key)
      : null,
    formVersion: r.form_version,
    reasonCode: r.reason_code,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    decidedAt: r.decided_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}
