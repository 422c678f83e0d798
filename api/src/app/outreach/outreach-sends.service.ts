import {
  AudienceCount,
  MARKETING_PURPOSES,
  OutreachSendView,
  Page,
  reviewGatingProblem,
  usedVariables,
} from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { conflict, invalid, notFound } from '../common/errors';
import { PageQueryDto, toPage } from '../common/pagination/page-query.dto';
import { AppConfig } from '../config/app-config';
import { OutreachJobs, QUEUES } from '../queues/queue-names';
import { SegmentRulesService } from '../segments/segment-rules.service';
import { AudienceCountDto, CreateSendDto } from './dto/send.dto';
import { OutreachSend } from './entities/outreach-send.entity';
import { OutreachTemplate } from './entities/outreach-template.entity';
import { audienceWhere, skipReasonSql } from './outreach-audience';
import { toSendView } from './outreach-mapping';
import { reviewGating } from './template-validation';

/** A scheduled time this close to now counts as "now" (clock skew between portal and server). */
const NOW_TOLERANCE_MS = 60_000;
const MAX_SCHEDULE_DAYS = 365;

@Injectable()
export class OutreachSendsService {
  private readonly logger = new Logger(OutreachSendsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly rules: SegmentRulesService,
    @InjectQueue(QUEUES.outreach) private readonly queue: Queue,
  ) {}

  async create(
    ctx: RequestContext,
    body: CreateSendDto,
  ): Promise<OutreachSendView> {
    const template = await this.db
      .getRepository(OutreachTemplate)
      .findOneBy({ id: body.templateId });
    if (!template) throw invalid({ templateId: 'is not a known template' });
    if (template.archivedAt)
      throw invalid({ templateId: 'is archived; restore it first' });
    const gating = reviewGatingProblem(template.purpose, body.audience);
    if (gating) throw reviewGating({ audience: gating });
    await this.checkLinks(template, body);
    await this.checkCustomers(body.audience.customerIds);
    await this.checkSegments(body.audience.segmentKeys);
    const scheduledAt = this.scheduledAt(body.scheduledAt);

    const send = await this.db.transaction(async (manager) => {
      const row = await manager.getRepository(OutreachSend).save({
        templateId: template.id,
        templateName: template.name,
        purpose: template.purpose,
        subject: template.subject,
        body: template.body,
        audience: body.audience,
        programmeId: body.programmeId ?? null,
        surveyId: body.surveyId ?? null,
        status: 'scheduled',
        scheduledAt,
        startedAt: null,
        completedAt: null,
        createdBy: ctx.user?.id ?? null,
      });
      await this.audit.record(
        ctx,
        {
          action: 'outreach.send_created',
          entityType: 'outreach_send',
          entityId: row.id,
          after: {
            templateId: template.id,
            audience: body.audience,
            scheduledAt,
          },
        },
        manager,
      );
      return row;
    });
    await this.enqueue(send).catch((error: unknown) =>
      // The send is saved; the tick job starts it when Redis is back.
      this.logger.warn(
        { err: error, sendId: send.id },
        'Could not queue outreach send',
      ),
    );
    return this.get(send.id);
  }

  async enqueue(send: Pick<OutreachSend, 'id' | 'scheduledAt'>): Promise<void> {
    await this.queue.add(
      'deliver',
      { sendId: send.id } satisfies OutreachJobs['deliver'],
      {
        jobId: `deliver-${send.id}`,
        delay: Math.max(0, send.scheduledAt.getTime() - Date.now()),
      },
    );
  }

  /** Re-queues a send whose job was lost; a fresh job id so a finished job of the same send does not block it. */
  async requeue(send: Pick<OutreachSend, 'id'>): Promise<void> {
    await this.queue.add(
      'deliver',
      { sendId: send.id } satisfies OutreachJobs['deliver'],
      {
        jobId: `deliver-${send.id}-${Date.now()}`,
      },
    );
  }

  async list(query: PageQueryDto): Promise<Page<OutreachSendView>> {
    const [rows, total] = await this.db
      .getRepository(OutreachSend)
      .findAndCount({
        order: { createdAt: 'DESC', id: 'DESC' },
        skip: query.offset,
        take: query.pageSize,
      });
    const live = await this.liveCounts(rows.map((row) => row.id));
    return toPage(
      rows.map((row) =>
        toSendView(row, live.get(row.id) ?? { queued: 0, clickedMessages: 0 }),
      ),
      total,
      query,
    );
  }

  async get(id: string): Promise<OutreachSendView> {
    const row = await this.db.getRepository(OutreachSend).findOneBy({ id });
    if (!row) throw notFound('Send');
    return toSendView(
      row,
      (await this.liveCounts([id])).get(id) ?? {
        queued: 0,
        clickedMessages: 0,
      },
    );
  }

  /** Stops a scheduled send, or the rest of a running one (messages not yet claimed are skipped). */
  async cancel(ctx: RequestContext, id: string): Promise<OutreachSendView> {
    await this.db.transaction(async (manager) => {
      const row = await manager
        .getRepository(OutreachSend)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('Send');
      if (row.status !== 'scheduled' && row.status !== 'running')
        throw conflict(`This send is already ${row.status}`, {
          id: `is ${row.status}`,
        });
      await manager.query(
        `UPDATE outreach_messages SET status = 'skipped', reason = 'cancelled', updated_at = now()
          WHERE send_id = $1 AND status = 'queued'`,
        [id],
      );
      await manager.query(
        `UPDATE outreach_sends SET status = 'cancelled', completed_at = now() WHERE id = $1`,
        [id],
      );
      await refreshCounts(manager, id);
      await this.audit.record(
        ctx,
        {
          action: 'outreach.send_cancelled',
          entityType: 'outreach_send',
          entityId: id,
          before: { status: row.status },
        },
        manager,
      );
    });
    return this.get(id);
  }

  /** Who an audience reaches right now, and who would be skipped and why. */
  async audienceCount(body: AudienceCountDto): Promise<AudienceCount> {
    const template = await this.db
      .getRepository(OutreachTemplate)
      .findOneBy({ id: body.templateId });
    if (!template) throw invalid({ templateId: 'is not a known template' });
    const where = audienceWhere(body.audience, 4);
    const rows: { reason: string | null; count: number }[] =
      await this.db.query(
        `SELECT ${skipReasonSql('$1', '$2', '$3')} AS reason, count(*)::int AS count
         FROM customers c LEFT JOIN customer_segments cs ON cs.customer_id = c.id
        WHERE ${where.sql} GROUP BY 1`,
        [
          MARKETING_PURPOSES.includes(template.purpose),
          this.config.OUTREACH_MAX_PER_PERIOD,
          this.config.OUTREACH_PERIOD_DAYS,
          ...where.params,
        ],
      );
    return {
      matched: rows.reduce((sum, row) => sum + row.count, 0),
      skipped: Object.fromEntries(
        rows
          .filter((row) => row.reason !== null)
          .map((row) => [row.reason, row.count]),
      ),
    };
  }

  private async checkLinks(
    template: OutreachTemplate,
    body: CreateSendDto,
  ): Promise<void> {
    const used = usedVariables(template.subject, template.body);
    const errors: Record<string, string> = {};
    if (used.includes('referralLink')) {
      if (!body.programmeId)
        errors['programmeId'] =
          'is required: the template uses {{referralLink}}';
      else {
        const rows: { status: string }[] = await this.db.query(
          `SELECT status FROM referral_programmes WHERE id = $1`,
          [body.programmeId],
        );
        if (!rows[0]) errors['programmeId'] = 'is not a known programme';
        else if (rows[0].status !== 'active')
          errors['programmeId'] = 'is not active';
      }
    }
    if (used.includes('surveyLink')) {
      if (!body.surveyId)
        errors['surveyId'] = 'is required: the template uses {{surveyLink}}';
      else {
        const rows: { active: boolean }[] = await this.db.query(
          `SELECT active FROM surveys WHERE id = $1`,
          [body.surveyId],
        );
        if (!rows[0]) errors['surveyId'] = 'is not a known survey';
        else if (!rows[0].active) errors['surveyId'] = 'is not active';
      }
    }
    if (Object.keys(errors).length > 0) throw invalid(errors);
  }

  private async checkSegments(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const known = new Set(
      (await this.rules.current()).rules.segments.map((segment) => segment.key),
    );
    const unknown = keys.filter((key) => !known.has(key));
    if (unknown.length > 0)
      throw invalid({
        'audience.segmentKeys': `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a segment' : 'are not segments'}`,
      });
  }

  private async checkCustomers(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const unique = [...new Set(ids)];
    const rows: { count: number }[] = await this.db.query(
      `SELECT count(*)::int AS count FROM customers WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    const missing = unique.length - (rows[0]?.count ?? 0);
    if (missing > 0)
      throw invalid({
        'audience.customerIds': `${missing} of them ${missing === 1 ? 'is not a known customer' : 'are not known customers'}`,
      });
  }

  private scheduledAt(raw: string | undefined): Date {
    const now = Date.now();
    if (raw === undefined) return new Date(now);
    const at = new Date(raw);
    if (at.getTime() < now - NOW_TOLERANCE_MS)
      throw invalid({ scheduledAt: 'must be in the future' });
    if (at.getTime() > now + MAX_SCHEDULE_DAYS * 86_400_000)
      throw invalid({
        scheduledAt: `must be within ${MAX_SCHEDULE_DAYS} days`,
      });
    return new Date(Math.max(at.getTime(), now));
  }

  private async liveCounts(
    ids: string[],
  ): Promise<Map<string, { queued: number; clickedMessages: number }>> {
    if (ids.length === 0) return new Map();
    const rows: { send_id: string; queued: number; clicked: number }[] =
      await this.db.query(
        `SELECT m.send_id, count(*) FILTER (WHERE m.status IN ('queued', 'sending'))::int AS queued,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outreach_clicks k WHERE k.message_id = m.id))::int AS clicked
         FROM outreach_messages m WHERE m.send_id = ANY($1::uuid[]) GROUP BY m.send_id`,
        [ids],
      );
    return new Map(
      rows.map((row) => [
        row.send_id,
        { queued: row.queued, clickedMessages: row.clicked },
      ]),
    );
  }
}

/** Rewrites a send's stored counts from its message rows. */
export async function refreshCounts(
  manager: EntityManager | DataSource,
  sendId: string,
): Promise<void> {
  await manager.query(
    `UPDATE outreach_sends s SET recipient_count = x.total, sent_count = x.sent, failed_count = x.failed,
            skipped_count = x.skipped
       FROM (SELECT count(*)::int AS total,
                    count(*) FILTER (WHERE status = 'sent')::int AS sent,
                    count(*) FILTER (WHERE status = 'failed')::int AS failed,
                    count(*) FILTER (WHERE status = 'skipped')::int AS skipped
               FROM outreach_messages WHERE send_id = $1) x
      WHERE s.id = $1`,
    [sendId],
  );
}
