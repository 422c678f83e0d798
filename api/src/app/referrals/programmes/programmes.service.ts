import {
  DEFAULT_FRAUD_RULES,
  Page,
  ProgrammeStatusName,
  ProgrammeSummary,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { RequestContext } from '../../common/access';
import {
  conflict,
  invalid,
  notFound,
  unprocessable,
} from '../../common/errors';
import { toPage } from '../../common/pagination/page-query.dto';
import { SegmentRulesService } from '../../segments/segment-rules.service';
import { ReferralProgramme } from '../entities/referral-programme.entity';
import { RedirectService } from '../redirect/redirect.service';
import { ProgrammeDto, ProgrammeListQueryDto } from './dto/programme.dto';
import { landingUrlProblem } from './landing-url';
import { toProgrammeSummary, toRewardSpec } from './programme-mapping';
import { isUniqueViolation } from '../../database/unique-violation';

const SLUG_KEY = 'referral_programmes_slug_key';

/** Which status each action may start from. */
const MOVES: Record<'activate' | 'pause', ProgrammeStatusName[]> = {
  activate: ['draft', 'paused'],
  pause: ['active'],
};

@Injectable()
export class ProgrammesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly rules: SegmentRulesService,
    private readonly redirect: RedirectService,
  ) {}

  async list(query: ProgrammeListQueryDto): Promise<Page<ProgrammeSummary>> {
    const [rows, total] = await this.db
      .getRepository(ReferralProgramme)
      .findAndCount({
        where: query.status ? { status: query.status } : {},
        order: { createdAt: 'DESC' },
        skip: query.offset,
        take: query.pageSize,
      });
    return toPage(rows.map(toProgrammeSummary), total, query);
  }

  async get(id: string): Promise<ProgrammeSummary> {
    const found = await this.db
      .getRepository(ReferralProgramme)
      .findOneBy({ id });
    if (!found) throw notFound('Programme');
    return toProgrammeSummary(found);
  }

  create(ctx: RequestContext, body: ProgrammeDto): Promise<ProgrammeSummary> {
    return this.save(ctx, null, body);
  }

  update(
    ctx: RequestContext,
    id: string,
    body: ProgrammeDto,
  ): Promise<ProgrammeSummary> {
    return this.save(ctx, id, body);
  }

  async move(
    ctx: RequestContext,
    id: string,
    action: 'activate' | 'pause',
  ): Promise<ProgrammeSummary> {
    const result = await this.db.transaction(async (manager) => {
      const programme = await manager
        .getRepository(ReferralProgramme)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!programme) throw notFound('Programme');
      const before = toProgrammeSummary(programme);
      if (!MOVES[action].includes(programme.status))
        throw unprocessable(
          `A ${programme.status} programme cannot be ${action === 'activate' ? 'activated' : 'paused'}`,
          { status: `is ${programme.status}` },
        );
      programme.status = action === 'activate' ? 'active' : 'paused';
      const saved = await manager.save(programme);
      const after = toProgrammeSummary(saved);
      await this.audit.record(
        ctx,
        {
          action: `referral_programme.${action === 'activate' ? 'activated' : 'paused'}`,
          entityType: 'referral_programme',
          entityId: id,
          before,
          after,
        },
        manager,
      );
      return after;
    });
    this.redirect.invalidate();
    return result;
  }

  private async save(
    ctx: RequestContext,
    id: string | null,
    body: ProgrammeDto,
  ): Promise<ProgrammeSummary> {
    try {
      const result = await this.db.transaction(async (manager) => {
        await this.assertValid(manager, body);
        const repo = manager.getRepository(ReferralProgramme);
        const existing = id
          ? await repo.findOne({
              where: { id },
              lock: { mode: 'pessimistic_write' },
            })
          : null;
        if (id && !existing) throw notFound('Programme');
        const taken = await repo.findOneBy({ slug: body.slug });
        if (taken && taken.id !== id)
          throw conflict('That slug is taken', { slug: 'is taken' });
        const before = existing ? toProgrammeSummary(existing) : null;
        const saved = await repo.save(
          repo.merge(existing ?? repo.create({ status: 'draft' }), {
            name: body.name.trim(),
            slug: body.slug,
            landingUrl: body.landingUrl.trim(),
            attributionWindowDays: body.attributionWindowDays ?? 30,
            attributionModel: body.attributionModel ?? 'last_click',
            eligibleSegments: body.eligibleSegments ?? [],
            referrerReward: toRewardSpec(body.referrerReward),
            friendReward: body.friendReward
              ? toRewardSpec(body.friendReward)
              : null,
            minPurchaseMinor: body.minPurchaseMinor ?? 0,
            currency: body.currency ?? body.referrerReward.currency,
            holdDays: body.holdDays ?? 30,
            fraudRules: { ...(body.fraudRules ?? DEFAULT_FRAUD_RULES) },
          }),
        );
        const after = toProgrammeSummary(saved);
        await this.audit.record(
          ctx,
          {
            action: existing
              ? 'referral_programme.updated'
              : 'referral_programme.created',
            entityType: 'referral_programme',
            entityId: saved.id,
            before,
            after,
          },
          manager,
        );
        return after;
      });
      this.redirect.invalidate();
      return result;
    } catch (error) {
      if (isUniqueViolation(error, SLUG_KEY))
        throw conflict('That slug is taken', { slug: 'is taken' });
      throw error;
    }
  }

  private async assertValid(
    manager: EntityManager,
    body: ProgrammeDto,
  ): Promise<void> {
    const errors: Record<string, string> = {};
    const urlProblem = landingUrlProblem(body.landingUrl);
    if (urlProblem) errors['landingUrl'] = urlProblem;
    const known = new Set(
      (await this.rules.current(manager)).rules.segments.map((s) => s.key),
    );
    const unknown = (body.eligibleSegments ?? []).filter((k) => !known.has(k));
    if (unknown.length > 0)
      errors['eligibleSegments'] =
        `has unknown segments: ${unknown.join(', ')}`;
    if (Object.keys(errors).length > 0) throw invalid(errors);
  }
}
