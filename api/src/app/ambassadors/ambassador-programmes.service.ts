import {
  AmbassadorFunnel,
  AmbassadorProgrammeSummary,
  FunnelRow,
  Page,
  validateFormFields,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { conflict, invalid, notFound } from '../common/errors';
import { PageQueryDto, toPage } from '../common/pagination/page-query.dto';
import { isUniqueViolation } from '../database/unique-violation';
import { AmbassadorFactsService } from './ambassador-facts.service';
import {
  NO_COUNTS,
  ProgrammeCounts,
  toProgrammeSummary,
} from './ambassador-mapping';
import { AmbassadorFormDto, AmbassadorProgrammeDto } from './dto/programme.dto';
import { AmbassadorFormVersion } from './entities/ambassador-form-version.entity';
import { AmbassadorProgramme } from './entities/ambassador-programme.entity';

const SLUG_KEY = 'ambassador_programmes_slug_key';

@Injectable()
export class AmbassadorProgrammesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly facts: AmbassadorFactsService,
  ) {}

  async list(query: PageQueryDto): Promise<Page<AmbassadorProgrammeSummary>> {
    const [rows, total] = await this.db
      .getRepository(AmbassadorProgramme)
      .findAndCount({
        order: { createdAt: 'DESC' },
        skip: query.offset,
        take: query.pageSize,
      });
    const items = await Promise.all(
      rows.map((p) => this.summary(this.db.manager, p)),
    );
    return toPage(items, total, query);
  }

  async get(id: string): Promise<AmbassadorProgrammeSummary> {
    return this.summary(this.db.manager, await this.find(this.db.manager, id));
  }

  async find(
    manager: EntityManager,
    id: string,
    lock = false,
  ): Promise<AmbassadorProgramme> {
    const found = await manager.getRepository(AmbassadorProgramme).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found) throw notFound('Ambassador programme');
    return found;
  }

  async save(
    ctx: RequestContext,
    id: string | null,
    body: AmbassadorProgrammeDto,
  ): Promise<AmbassadorProgrammeSummary> {
    try {
      return await this.db.transaction(async (manager) => {
        const names = await this.facts.segmentNames(manager);
        const unknown = body.eligibility.segments.filter((k) => !names[k]);
        if (unknown.length > 0)
          throw invalid({
            'eligibility.segments': `has unknown segments: ${unknown.join(', ')}`,
          });
        const repo = manager.getRepository(AmbassadorProgramme);
        const existing = id ? await this.find(manager, id, true) : null;
        const taken = await repo.findOneBy({ slug: body.slug });
        if (taken && taken.id !== id)
          throw conflict('That slug is taken', { slug: 'is taken' });
        if (body.status === 'open' && !existing?.currentFormVersionId)
          throw invalid({
            status: 'add the application form before opening the programme',
          });
        const before = existing ? await this.summary(manager, existing) : null;
        const saved = await repo.save(
          repo.merge(existing ?? repo.create(), {
            name: body.name.trim(),
            slug: body.slug,
            description: body.description.trim(),
            status: body.status,
            capacity: body.capacity ?? null,
            waitlistOrder: body.waitlistOrder,
            eligibility: {
              segments: body.eligibility.segments,
              npsCategories: body.eligibility.npsCategories,
              minQualifiedReferrals: body.eligibility.minQualifiedReferrals,
              minNps: body.eligibility.minNps ?? null,
              minCustomerDays: body.eligibility.minCustomerDays,
            },
            autoApprove: {
              enabled: body.autoApprove.enabled,
              minScore: body.autoApprove.minScore,
            },
            reapplyCooldownDays: body.reapplyCooldownDays ?? null,
            decisionTemplates: { ...body.decisionTemplates },
          }),
        );
        const after = await this.summary(manager, saved);
        await this.audit.record(
          ctx,
          {
            action: existing
              ? 'ambassador_programme.updated'
              : 'ambassador_programme.created',
            entityType: 'ambassador_programme',
            entityId: saved.id,
            before,
            after,
          },
          manager,
        );
        return after;
      });
    } catch (error) {
      if (isUniqueViolation(error, SLUG_KEY))
        throw conflict('That slug is taken', { slug: 'is taken' });
      throw error;
    }
  }

  /**
   * A version nobody has applied against yet is edited in place; once referenced it is frozen
   * and the edit becomes the next version.
   */
  async saveForm(
    ctx: RequestContext,
    id: string,
    body: AmbassadorFormDto,
  ): Promise<AmbassadorProgrammeSummary> {
    const fields = body.fields.map((f) => ({
      key: f.key,
      type: f.type,
      label: f.label.trim(),
      help: f.help?.trim() || null,
      required: f.required,
      ...(f.options ? { options: f.options.map((o) => o.trim()) } : {}),
      maxLength: f.maxLength ?? null,
      min: f.min ?? null,
      max: f.max ?? null,
      platform: f.platform ?? null,
    }));
    const errors = validateFormFields(fields);
    if (Object.keys(errors).length > 0) throw invalid(errors);
    return this.db.transaction(async (manager) => {
      const programme = await this.find(manager, id, true);
      const versions = manager.getRepository(AmbassadorFormVersion);
      const current = programme.currentFormVersionId
        ? await versions.findOneByOrFail({ id: programme.currentFormVersionId })
        : null;
      const referenced = current
        ? (
            await manager.query(
              `SELECT 1 FROM ambassador_applications WHERE form_version_id = $1 LIMIT 1`,
              [current.id],
            )
          ).length > 0
        : false;
      let saved: AmbassadorFormVersion;
      if (current && !referenced) {
        current.fields = fields;
        saved = await versions.save(current);
      } else {
        saved = await versions.save(
          versions.create({
            programmeId: id,
            version: (current?.version ?? 0) + 1,
            fields,
          }),
        );
        programme.currentFormVersionId = saved.id;
        await manager.getRepository(AmbassadorProgramme).save(programme);
      }
      await this.audit.record(
        ctx,
        {
          action: 'ambassador_form.saved',
          entityType: 'ambassador_programme',
          entityId: id,
          before: current ? { version: current.version } : null,
          after: { version: saved.version, fields },
        },
        manager,
      );
      return this.summary(manager, programme);
    });
  }

  async funnel(id: string): Promise<AmbassadorFunnel> {
    await this.find(this.db.manager, id);
    const names = await this.facts.segmentNames(this.db.manager);
    const rows: {
      segment_key: string | null;
      visited: string;
      started: string;
      submitted: string;
      approved: string;
    }[] = await this.db.query(
      `WITH ev AS (
         SELECT coalesce(segment_key, '') AS segment_key,
                count(DISTINCT visitor_id) FILTER (WHERE stage = 'visited') AS visited,
                count(DISTINCT visitor_id) FILTER (WHERE stage = 'started') AS started
           FROM ambassador_funnel_events WHERE programme_id = $1 GROUP BY 1),
       app AS (
         SELECT segment_key,
                count(*) FILTER (WHERE submitted_at IS NOT NULL) AS submitted,
                count(*) FILTER (WHERE state = 'approved') AS approved
           FROM ambassador_applications WHERE programme_id = $1 GROUP BY segment_key)
       SELECT nullif(coalesce(ev.segment_key, app.segment_key), '') AS segment_key,
              coalesce(ev.visited, 0) AS visited, coalesce(ev.started, 0) AS started,
              coalesce(app.submitted, 0) AS submitted, coalesce(app.approved, 0) AS approved
         FROM ev FULL OUTER JOIN app ON ev.segment_key = app.segment_key
        ORDER BY 1 NULLS LAST`,
      [id],
    );
    const bySegment: FunnelRow[] = rows.map((r) => ({
      segmentKey: r.segment_key ?? 'anonymous',
      segmentName: r.segment_key
        ? (names[r.segment_key] ?? r.segment_key)
        : 'Not signed in',
      visited: Number(r.visited),
      started: Number(r.started),
      submitted: Number(r.submitted),
      approved: Number(r.approved),
    }));
    const sum = (k: keyof Omit<FunnelRow, 'segmentKey' | 'segmentName'>) =>
      bySegment.reduce((total, row) => total + row[k], 0);
    return {
      totals: {
        visited: sum('visited'),
        started: sum('started'),
        submitted: sum('submitted'),
        approved: sum('approved'),
      },
      bySegment,
    };
  }

  async summary(
    manager: EntityManager,
    p: AmbassadorProgramme,
  ): Promise<AmbassadorProgrammeSummary> {
    const form = p.currentFormVersionId
      ? await manager
          .getRepository(AmbassadorFormVersion)
          .findOneBy({ id: p.currentFormVersionId })
      : null;
    return toProgrammeSummary(p, form, await this.counts(manager, p.id));
  }

  private async counts(
    manager: EntityManager,
    programmeId: string,
  ): Promise<ProgrammeCounts> {
    const [row]: Record<keyof ProgrammeCounts, string>[] = await manager.query(
      `SELECT count(*) FILTER (WHERE state = 'submitted') AS "submitted",
              count(*) FILTER (WHERE state = 'in_review') AS "inReview",
              count(*) FILTER (WHERE state = 'approved' AND revoked_at IS NULL) AS "approved",
              count(*) FILTER (WHERE state = 'waitlisted') AS "waitlisted"
         FROM ambassador_applications WHERE programme_id = $1`,
      [programmeId],
    );
    if (!row) return NO_COUNTS;
    return {
      submitted: Number(row.submitted),
      inReview: Number(row.inReview),
      approved: Number(row.approved),
      waitlisted: Number(row.waitlisted),
    };
  }
}
