import { Page, UgcCampaignSummary, UgcOpenCampaign } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { RequestContext } from '../../common/access';
import { invalid, notFound } from '../../common/errors';
import { toPage } from '../../common/pagination/page-query.dto';
import { SegmentRulesService } from '../../segments/segment-rules.service';
import { SegmentSnapshotService } from '../../segments/segment-snapshot.service';
import { UgcCampaign } from '../entities/ugc-campaign.entity';
import {
  CampaignCounts,
  isOpen,
  toCampaignSummary,
  toOpenCampaign,
} from './campaign-mapping';
import { CampaignDto, CampaignListQueryDto } from './dto/campaign.dto';

interface CountRow {
  campaign_id: string;
  submissions: string;
  pending: string;
}

@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly rules: SegmentRulesService,
    private readonly snapshots: SegmentSnapshotService,
  ) {}

  async list(query: CampaignListQueryDto): Promise<Page<UgcCampaignSummary>> {
    const [rows, total] = await this.db
      .getRepository(UgcCampaign)
      .findAndCount({
        where: query.status ? { status: query.status } : {},
        order: { createdAt: 'DESC' },
        skip: query.offset,
        take: query.pageSize,
      });
    const counts = await this.counts(rows.map((row) => row.id));
    return toPage(
      rows.map((row) => toCampaignSummary(row, counts.get(row.id))),
      total,
      query,
    );
  }

  async get(id: string): Promise<UgcCampaignSummary> {
    const campaign = await this.db.getRepository(UgcCampaign).findOneBy({ id });
    if (!campaign) throw notFound('Campaign');
    return toCampaignSummary(campaign, (await this.counts([id])).get(id));
  }

  /** Campaigns this advocate may submit to now: open, and for their current segment. */
  async openFor(customerId: string): Promise<UgcOpenCampaign[]> {
    const snapshot = await this.snapshots.snapshotFor(customerId);
    const campaigns = await this.db.getRepository(UgcCampaign).find({
      where: { status: 'active' },
      order: { startsAt: 'DESC' },
      take: 50,
    });
    return campaigns
      .filter(
        (campaign) =>
          isOpen(campaign) && eligible(campaign, snapshot.segmentKey),
      )
      .map((campaign) => toOpenCampaign(campaign));
  }

  create(ctx: RequestContext, body: CampaignDto): Promise<UgcCampaignSummary> {
    return this.save(ctx, null, body);
  }

  update(
    ctx: RequestContext,
    id: string,
    body: CampaignDto,
  ): Promise<UgcCampaignSummary> {
    return this.save(ctx, id, body);
  }

  private async save(
    ctx: RequestContext,
    id: string | null,
    body: CampaignDto,
  ): Promise<UgcCampaignSummary> {
    return this.db.transaction(async (manager) => {
      await this.assertValid(manager, body);
      const repo = manager.getRepository(UgcCampaign);
      const existing = id
        ? await repo.findOne({
            where: { id },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (id && !existing) throw notFound('Campaign');
      const before = existing ? toCampaignSummary(existing) : null;
      const saved = await repo.save(
        repo.merge(
          existing ??
            repo.create({ publicToken: randomBytes(18).toString('base64url') }),
          {
            name: body.name.trim(),
            guidelines: body.guidelines.trim(),
            prompts: (body.prompts ?? []).map((prompt) => prompt.trim()),
            hashtags: (body.hashtags ?? []).map((tag) => tag.replace(/^#/, '')),
            startsAt: new Date(body.startsAt),
            endsAt: body.endsAt ? new Date(body.endsAt) : null,
            eligibleSegments: body.eligibleSegments ?? [],
            reward: body.reward
              ? {
                  type: body.reward.type,
                  amount:
                    body.reward.type === 'perk' ? null : body.reward.amount,
                  currency:
                    body.reward.type === 'perk' || body.reward.type === 'points'
                      ? null
                      : body.reward.currency,
                  description: body.reward.description?.trim() || undefined,
                  holdDays: body.reward.holdDays,
                }
              : null,
            status: body.status ?? existing?.status ?? 'draft',
            publicLinkEnabled: body.publicLinkEnabled ?? false,
          },
        ),
      );
      const after = toCampaignSummary(saved);
      await this.audit.record(
        ctx,
        {
          action: existing ? 'ugc_campaign.updated' : 'ugc_campaign.created',
          entityType: 'ugc_campaign',
          entityId: saved.id,
          before,
          after,
        },
        manager,
      );
      return toCampaignSummary(
        saved,
        (await this.counts([saved.id], manager)).get(saved.id),
      );
    });
  }

  private async assertValid(
    manager: EntityManager,
    body: CampaignDto,
  ): Promise<void> {
    const errors: Record<string, string> = {};
    if (body.endsAt && new Date(body.endsAt) <= new Date(body.startsAt))
      errors['endsAt'] = 'must be after the start';
    const known = new Set(
      (await this.rules.current(manager)).rules.segments.map((s) => s.key),
    );
    const unknown = (body.eligibleSegments ?? []).filter((k) => !known.has(k));
    if (unknown.length > 0)
      errors['eligibleSegments'] =
        `has unknown segments: ${unknown.join(', ')}`;
    if (
      body.reward &&
      body.reward.type !== 'perk' &&
      body.reward.amount === null
    )
      errors['reward.amount'] = 'is required';
    if (Object.keys(errors).length > 0) throw invalid(errors);
  }

  private async counts(
    ids: string[],
    manager: EntityManager = this.db.manager,
  ): Promise<Map<string, CampaignCounts>> {
    if (ids.length === 0) return new Map();
    const rows: CountRow[] = await manager.query(
      `SELECT campaign_id, count(*) AS submissions, count(*) FILTER (WHERE status = 'pending') AS pending
         FROM ugc_submissions WHERE campaign_id = ANY($1::uuid[]) GROUP BY campaign_id`,
      [ids],
    );
    return new Map(
      rows.map((row) => [
        row.campaign_id,
        { submissions: Number(row.submissions), pending: Number(row.pending) },
      ]),
    );
  }

  /** Used by submissions: the campaign row, or null. */
  findByIds(ids: string[], manager: EntityManager = this.db.manager) {
    return manager.getRepository(UgcCampaign).findBy({ id: In(ids) });
  }
}

export function eligible(campaign: UgcCampaign, segmentKey: string): boolean {
  return (
    campaign.eligibleSegments.length === 0 ||
    campaign.eligibleSegments.includes(segmentKey)
  );
}
